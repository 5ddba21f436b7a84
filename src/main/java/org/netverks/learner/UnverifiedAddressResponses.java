package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.netverks.web.ApiError;
import org.netverks.web.ApiErrors;
import org.netverks.web.ErrorResponses;
import org.netverks.web.RenderedPages;
import org.netverks.web.Viewers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * {@link EmailNotVerifiedException} as a 403 page with a "send the link again" button (or, for a
 * script, JSON). Ordered before {@code web.ErrorResponses}, whose catch-all would answer first.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnverifiedAddressResponses {

    private final RenderedPages pages;

    UnverifiedAddressResponses(RenderedPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(EmailNotVerifiedException.class)
    ResponseEntity<?> unverified(EmailNotVerifiedException e, HttpServletRequest request) {
        if (ErrorResponses.wantsJson(request)) {
            return ApiErrors.entity(ApiError.of(403, e.getMessage()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", Viewers.of(request));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.put("csrf", csrf == null ? "" : csrf.getToken());
        return pages.once(403, "learner/unverified.jte", model);
    }
}
