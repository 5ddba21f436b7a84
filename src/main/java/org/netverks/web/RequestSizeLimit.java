package org.netverks.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies are read whole before any controller can judge them, so an API request body
 * larger than {@link #MAX_BYTES} is refused with 413 up front (or, when sent without a length,
 * as soon as it passes the limit) instead of being held in memory.
 */
@Component
// right after RequestIds, which is first so that everything a request logs carries its id
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            tooLarge(response);
            return;
        }
        try {
            chain.doFilter(new Bounded(request), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response);
            }
        }
    }

    static final String MESSAGE = "The request body is larger than 1 MB, the most this API accepts.";

    /** The 413 answer, from here or (for a body found too large while Spring read it) from {@link ErrorResponses}. */
    static final ApiError TOO_LARGE = ApiError.limit(413, MESSAGE, "request size limit");

    private static void tooLarge(HttpServletResponse response) throws IOException {
        ApiErrors.write(response, TOO_LARGE);
    }

    /** Thrown while a body is being read; {@link ErrorResponses} turns it into the same 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    /** Counts what is read from a body sent without a length, and stops at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ForwardingInputStream(inner) {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > MAX_BYTES) {
                            throw new BodyTooLarge();
                        }
                    }
                };
            }
            return stream;
        }
    }
}
