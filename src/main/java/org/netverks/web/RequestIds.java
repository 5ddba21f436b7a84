package org.netverks.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, first of all filters: the {@code X-Request-Id} a proxy or client sent
 * when it is short and plain (so it can be searched for across a load balancer's and our logs), a
 * new one otherwise. The id is echoed in the response's {@code X-Request-Id} and is in the logging
 * MDC as {@code request_id} while the request is served, so every line it logs carries it (a field
 * of its own in JSON logs, docs/operations.md "Observe"). Background jobs have none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = RequestIds.class.getName();

    /** What an incoming id may be: letters, digits and {@code - _ . :}, at most 64 of them (a UUID, a trace id). */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an error dispatch of the same request keeps the id it was given
        Object given = request.getAttribute(ATTRIBUTE);
        String id = given instanceof String known ? known : idFor(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** Error dispatches get the id too: the error page's log lines belong to the request. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The incoming id when it is safe to log and echo, else a new one. */
    static String idFor(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * 16 hex digits: unique enough to find one request among a day's, and cheaper than a UUID's
     * SecureRandom on the lab's hot path.
     */
    private static String newId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }
}
