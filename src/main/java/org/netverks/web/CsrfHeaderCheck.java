package org.netverks.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The CSRF check Spring Security makes on a script's request under the cookie convention
 * ({@code csrf.spa()} in {@link SecurityConfiguration}): the {@code X-XSRF-TOKEN} header must carry
 * the {@code XSRF-TOKEN} cookie's value. Another site can make a browser send the cookie but can
 * neither read it nor add a custom header without this site's consent (CORS), so a match proves
 * the request came from our own pages or from a client that holds the cookie. For answers written
 * before the filter chain (the lab's lean run path); a request that fails it is left to the chain,
 * which refuses it with its usual 403.
 */
public final class CsrfHeaderCheck {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private CsrfHeaderCheck() {}

    public static boolean passes(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isEmpty()) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                // constant time: how much of a guess matched must not show in the answer's timing
                return MessageDigest.isEqual(
                        cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
            }
        }
        return false;
    }
}
