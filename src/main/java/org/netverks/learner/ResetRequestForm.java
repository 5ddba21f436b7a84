package org.netverks.learner;

/** "Forgot your password?": the address typed, what went wrong, or that the link was sent. */
public record ResetRequestForm(String email, String error, String sent) {}
