package org.netverks.learner;

/** A confirmation link's page: the token, the address and name it confirms, or what went wrong. */
public record ConfirmPage(String token, String email, String displayName, String error) {}
