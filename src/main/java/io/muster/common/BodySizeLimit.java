package io.muster.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than Muster takes, before anything reads it: 413 with the limit
 * named (problem+json on the API, the error page elsewhere). A body sent without its length is
 * counted as it is read and refused the same way once it passes the limit. Uploads are left to their
 * own limit ({@code muster.course-items.upload-max-size}, answered per field); every other body may be
 * {@code muster.http.max-body-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit extends OncePerRequestFilter {

    /** Set on the request when a body was refused, for the error page or the API's answer to name the limit. */
    public static final String LIMIT_ATTRIBUTE = BodySizeLimit.class.getName() + ".limit";

    private final DataSize limit;

    BodySizeLimit(HttpLimits limits) {
        this.limit = limits.maxBodySize();
    }

    /** Thrown while reading a body that passed the limit without saying its length first. */
    public static final class TooLarge extends IOException {

        private final DataSize limit;

        TooLarge(DataSize limit) {
            super("The request body is larger than " + describe(limit));
            this.limit = limit;
        }

        public DataSize limit() {
            return limit;
        }
    }

    public static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > limit.toBytes()) {
            request.setAttribute(LIMIT_ATTRIBUTE, describe(limit));
            // the client may still be sending: say so at once and close, instead of reading it all
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + describe(limit));
            return;
        }
        chain.doFilter(length >= 0 ? request : new Counted(request, limit), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI();
        String type = request.getContentType();
        return path.endsWith("/upload") || (type != null && type.startsWith("multipart/"));
    }

    private static final class Counted extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                long max = limit.toBytes();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > max) {
                            setAttribute(LIMIT_ATTRIBUTE, describe(limit));
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
