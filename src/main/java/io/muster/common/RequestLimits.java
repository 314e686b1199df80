package io.muster.common;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an address or headers larger than Muster takes, with the limit named: 414 or 431 as
 * problem+json on the API and the error page elsewhere. Tomcat's own, higher limit would answer
 * with its bare HTML page instead, so Muster checks first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestLimits extends OncePerRequestFilter {

    /** Set on the request with the sentence to show, for the error page or the API's answer. */
    public static final String REASON_ATTRIBUTE = RequestLimits.class.getName() + ".reason";

    private final int maxUrlLength;
    private final DataSize maxHeaderSize;

    RequestLimits(HttpLimits limits) {
        this.maxUrlLength = limits.maxUrlLength();
        this.maxHeaderSize = limits.maxHeaderSize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        int urlLength = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (urlLength > maxUrlLength) {
            refuse(request, response, HttpStatus.URI_TOO_LONG,
                    "The address is longer than " + maxUrlLength + " characters.");
            return;
        }
        if (headerSize(request) > maxHeaderSize.toBytes()) {
            refuse(request, response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than " + BodySizeLimit.describe(maxHeaderSize) + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private static long headerSize(HttpServletRequest request) {
        long size = 0;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
                size += name.length() + values.nextElement().length() + 4;
            }
        }
        return size;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String reason) throws IOException {
        request.setAttribute(REASON_ATTRIBUTE, reason);
        response.sendError(status.value(), reason);
    }
}
