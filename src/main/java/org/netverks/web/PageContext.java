package org.netverks.web;

import java.util.function.Supplier;

/**
 * What the layout needs on every page, and the only place it gets it from: the site, who is
 * looking (null for an anonymous visitor), and the request's CSRF token for the page's forms.
 * {@link RenderedPages} builds it from the request; controllers and services never pass these by
 * hand. The token is fetched only when a template asks for it ({@link #csrf()}): fetching it is
 * what mints the XSRF-TOKEN cookie, so a page without a form sets none.
 */
public final class PageContext {

    private final Site site;
    private final Viewer viewer;
    private final Supplier<String> csrf;

    PageContext(Site site, Viewer viewer, Supplier<String> csrf) {
        this.site = site;
        this.viewer = viewer;
        this.csrf = csrf;
    }

    public Site site() {
        return site;
    }

    /** The signed-in learner, or null for an anonymous visitor. */
    public Viewer viewer() {
        return viewer;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean moderator() {
        return viewer != null && viewer.moderator();
    }

    /** The request's CSRF token, for a form's {@code _csrf} field; empty where the request has none. */
    public String csrf() {
        return csrf.get();
    }
}
