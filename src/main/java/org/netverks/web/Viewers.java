package org.netverks.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/** The viewer and CSRF token of the current request, from Spring Security; {@link RenderedPages} asks. */
final class Viewers {

    private Viewers() {}

    /** The signed-in learner, or null for an anonymous visitor. */
    static Viewer of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInLearner learner)) {
            return null;
        }
        return new Viewer(learner.displayName(), learner.email(), learner.moderator());
    }

    /** The request's CSRF token, or empty when there is none (an error dispatch outside the filter chain). */
    static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : token.getToken();
    }
}
