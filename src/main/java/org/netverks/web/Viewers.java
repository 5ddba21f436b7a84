package org.netverks.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;

/** The viewer of the current request, from Spring Security's context. */
public final class Viewers {

    private Viewers() {}

    /** The signed-in learner, or null for an anonymous visitor. */
    public static Viewer of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInLearner learner)) {
            return null;
        }
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Viewer(
                learner.displayName(), learner.email(), learner.moderator(), token == null ? "" : token.getToken());
    }
}
