package org.netverks.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Site} and the {@link Viewer} into every page's model, for the layout. */
@ControllerAdvice
class SiteModelAdvice {

    private final Site site;

    SiteModelAdvice(Site site) {
        this.site = site;
    }

    @ModelAttribute("site")
    Site site() {
        return site;
    }

    @ModelAttribute("viewer")
    Viewer viewer(HttpServletRequest request) {
        return Viewers.of(request);
    }
}
