package io.muster.common;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (restarting, failing over, out of connections), a request
 * is answered 503 with Retry-After, problem+json on the API and the error page elsewhere, instead
 * of a 500: the client may simply try again. Its transaction never committed, so nothing is half
 * written; the connection pool and the engine reconnect by themselves once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
public class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** Seconds a client is asked to wait: about what a database restart or a failover takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String HIKARI_CLOSED = "Connection is closed";

    static final String REASON = "Muster cannot reach its database at the moment. Nothing was changed; "
            + "try again in a few seconds.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {}: the database is unreachable ({}); answered 503", request.getMethod(),
                    request.getRequestURI(), rootMessage(e));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            request.setAttribute(RequestLimits.REASON_ATTRIBUTE, REASON);
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), REASON);
        }
    }

    /**
     * A failure to reach the database rather than a refusal by it: no connection to be had
     * (pool timeout, connection refused or reset), the server shutting down or starting up.
     */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                // 08: connection exception; 57P01-57P03: shutdown, crash, cannot connect now; 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")
                        // the pool closed a connection that broke under the transaction (its rollback fails so)
                        || HIKARI_CLOSED.equals(sql.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
