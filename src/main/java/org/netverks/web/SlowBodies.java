package org.netverks.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body is read on one of the container's worker threads, blocking while it arrives; a
 * client that sends its body a byte at a time holds that thread. Without a bound, a few hundred
 * such connections took every thread and the home page went unanswered. So:
 * <ul>
 *   <li>at most half the worker threads ({@code server.tomcat.threads.max}) read bodies at once;
 *       a request with a body beyond that gets 503 at once, and its connection is closed without
 *       reading the body ({@link UnreadBodies}), so pages always have threads left;</li>
 *   <li>a body must arrive whole within {@code netverks.web.body-timeout} (408 otherwise), and
 *       any pause longer than {@code server.tomcat.connection-timeout} ends the connection.</li>
 * </ul>
 * A form body is parsed by the container itself, past this stream: for forms only the slot limit
 * and the pause limit apply.
 * bench/slow-bodies.py measures it (bench/RESULTS.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SlowBodies extends OncePerRequestFilter {

    static final String BUSY = "Too many requests are sending data right now; please try again in a moment.";

    private final Semaphore readers;
    private final long timeoutNanos;
    private final Duration timeout;
    private final MalformedRequests answers;

    SlowBodies(
            @Value("${server.tomcat.threads.max:200}") int threads,
            // the validator as a parameter: filters are made before other beans, and the timeout must be checked first
            WebProperties properties,
            WebPropertiesValidator checked,
            MalformedRequests answers) {
        Duration timeout = properties.web().bodyTimeout();
        this.readers = new Semaphore(Math.max(1, threads / 2));
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.answers = answers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readers.tryAcquire()) {
            response.setHeader("Retry-After", "5");
            answers.respond(request, response, 503, BUSY);
            return;
        }
        Permit permit = new Permit();
        try {
            chain.doFilter(new Timed(request, System.nanoTime() + timeoutNanos, permit), response);
        } catch (TooSlow e) {
            if (!response.isCommitted()) {
                response.reset();
                answers.respond(request, response, 408, e.getMessage());
            }
        } finally {
            permit.release();
        }
    }

    /** One request's hold on a reader slot, given back when its body is read or the request ends. */
    private final class Permit {
        private final AtomicBoolean held = new AtomicBoolean(true);

        void release() {
            if (held.compareAndSet(true, false)) {
                readers.release();
            }
        }
    }

    /** Thrown while reading past the deadline; {@link ErrorResponses} answers 408 with its message when Spring wraps it. */
    static final class TooSlow extends IOException {
        TooSlow(Duration timeout) {
            super("The request body arrived too slowly: a body must arrive whole within " + timeout.toSeconds()
                    + " seconds.");
        }
    }

    /** The body, read against a deadline; the reader slot is released as soon as it is all in. */
    private final class Timed extends HttpServletRequestWrapper {
        private final long deadline;
        private final Permit permit;
        private ServletInputStream stream;

        Timed(HttpServletRequest request, long deadline, Permit permit) {
            super(request);
            this.deadline = deadline;
            this.permit = permit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ForwardingInputStream(inner) {
                    @Override
                    public int read() throws IOException {
                        check();
                        return done(inner.read());
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        check();
                        return done(inner.read(buffer, offset, length));
                    }

                    private void check() throws TooSlow {
                        if (System.nanoTime() - deadline > 0) {
                            throw new TooSlow(timeout);
                        }
                    }

                    private int done(int n) {
                        if (n < 0 || inner.isFinished()) {
                            permit.release();
                        }
                        return n;
                    }
                };
            }
            return stream;
        }
    }
}
