package org.netverks.learner;

/** "You are logged out": the page log-out lands on, so the learner sees that it worked. */
public record SignedOut() {}
