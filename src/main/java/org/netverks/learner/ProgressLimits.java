package org.netverks.learner;

/**
 * What one progress merge may carry, so that its database work stays bounded (one request of 14,000
 * card reviews once cost 30 s). Far above what a learner collects: a lesson has a handful of cards,
 * and a card reviewed daily for a year has 365 ratings. The body itself is at most 1 MB
 * ({@code web.RequestSizeLimit}).
 */
final class ProgressLimits {

    static final int LESSONS = 500;
    static final int CARDS_PER_LESSON = 100;
    static final int QUIZ_ANSWERS_PER_LESSON = 100;
    static final int EXERCISES_PER_LESSON = 100;
    static final int REVIEWS_PER_CARD = 500;
    static final int REVIEWS = 10_000;

    private ProgressLimits() {}

    static void require(int count, int most, String what, String where) {
        if (count > most) {
            throw new ProgressLimitException(
                    what + " limit",
                    "One merge may carry at most " + String.format("%,d", most) + " " + what + where + "; this one has "
                            + String.format("%,d", count) + " (" + what + " limit).");
        }
    }
}
