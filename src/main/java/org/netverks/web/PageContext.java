package org.netverks.web;

/**
 * What the layout needs on every page, and the only place it gets it from: the site, who is
 * looking (null for an anonymous visitor), and the request's CSRF token for the page's forms
 * (empty where there is none). {@link RenderedPages} builds it from the request; controllers and
 * services never pass these by hand.
 */
public record PageContext(Site site, Viewer viewer, String csrf) {

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean moderator() {
        return viewer != null && viewer.moderator();
    }
}
