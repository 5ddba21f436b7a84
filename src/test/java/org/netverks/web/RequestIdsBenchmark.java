package org.netverks.web;

import jakarta.servlet.FilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Benchmark, not a test: what {@link RequestIds} adds to every request (a new id, the response
 * header, the MDC entry), against the same mock request passed straight to the next filter. A few
 * rounds alternate both sides. See bench/RESULTS.md.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.netverks.web.RequestIdsBenchmark
 * </pre>
 */
public final class RequestIdsBenchmark {

    private static final int REQUESTS = 2_000_000;

    private RequestIdsBenchmark() {}

    public static void main(String[] args) throws Exception {
        RequestIds filter = new RequestIds();
        FilterChain next = (request, response) -> {};
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                next.doFilter(new MockHttpServletRequest("POST", "/api/lab/t/l/run"), new MockHttpServletResponse());
            }
            double without = (System.nanoTime() - start) / (double) REQUESTS;
            start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                filter.doFilter(
                        new MockHttpServletRequest("POST", "/api/lab/t/l/run"), new MockHttpServletResponse(), next);
            }
            double with = (System.nanoTime() - start) / (double) REQUESTS;
            System.out.printf(
                    "round %d%s: without %.0f ns a request, with RequestIds %.0f ns (+%.0f ns)%n",
                    round + 1, round == 0 ? " (warm-up)" : "", without, with, with - without);
        }
    }
}
