package org.netverks.web;

/** What the layout reads from the signed-in principal; the learner feature's principal implements it. */
public interface SignedInLearner {

    String displayName();

    String email();

    boolean moderator();
}
