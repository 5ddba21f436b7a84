package org.netverks.learner;

/** Choosing a new password through a reset link: the link's token and what went wrong. */
public record ResetForm(String token, String error) {}
