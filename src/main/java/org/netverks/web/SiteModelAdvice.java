package org.netverks.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Site} into every page's model, for the layout. */
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
}
