package org.netverks.web;

/**
 * Who is looking at a page, as the layout needs it: null for an anonymous visitor. The CSRF token
 * goes into the header's log-out form (a page with a viewer is never shared between visitors).
 */
public record Viewer(String displayName, String email, boolean moderator, String csrfToken) {}
