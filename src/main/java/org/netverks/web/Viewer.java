package org.netverks.web;

/** Who is looking at a page, as the layout shows them; a {@link PageContext} holds null for an anonymous visitor. */
public record Viewer(String displayName, String email, boolean moderator) {}
