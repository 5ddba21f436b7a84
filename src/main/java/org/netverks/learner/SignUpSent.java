package org.netverks.learner;

/** "Check your inbox": where the confirmation link went, and for how many hours it works. */
public record SignUpSent(String email, long hours) {}
