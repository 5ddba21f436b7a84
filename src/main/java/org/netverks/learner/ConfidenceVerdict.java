package org.netverks.learner;

/**
 * Whether a lesson's confidence rating matches what the learner showed in its quiz and exercises.
 * The rating (1–5) is put on the same 0–1 scale as the evidence ((rating − 1) / 4) and the two are
 * compared: more than {@link #MARGIN} apart is worth saying, less is noise (one quiz question more
 * or less, a rating one step off).
 */
enum ConfidenceVerdict {
    OVER(
            "over",
            "Over-confident",
            "You rate yourself higher than your results show. Go through the lesson again and retry the questions you missed."),
    UNDER(
            "under",
            "Under-confident",
            "Your results are better than your rating. You know more than you think: trust it, and try the next lesson."),
    FITS("fits", "Fits", "Your rating and your results agree."),
    UNTESTED(
            "untested",
            "Not tested yet",
            "You have not answered a question or solved an exercise of this lesson yet, so nothing checks the rating. Try them.");

    /** How far apart the scaled rating and the evidence share may be and still count as agreeing. */
    static final double MARGIN = 0.25;

    /** The name in CSS classes and {@code data-verdict}. */
    final String cssName;

    /** A short heading for the advice. */
    final String label;

    final String advice;

    ConfidenceVerdict(String cssName, String label, String advice) {
        this.cssName = cssName;
        this.label = label;
        this.advice = advice;
    }

    /**
     * @param rating 1 to 5
     * @param attempted quiz questions answered (right or wrong) plus exercises solved: 0 means nothing was tried
     * @param shown quiz questions answered right plus exercises solved
     * @param possible the lesson's quiz questions plus its exercises
     */
    static ConfidenceVerdict judge(int rating, int attempted, int shown, int possible) {
        if (attempted == 0 || possible == 0) {
            return UNTESTED; // a rating with nothing tried is neither right nor wrong
        }
        // compared in whole numbers (everything times 4 × possible), so that a gap of exactly the
        // margin (a 5 beside 3 of 4) counts as agreeing whatever floating point makes of it
        int ratingQuarters = (rating - 1) * possible;
        int evidenceQuarters = 4 * shown;
        int marginQuarters = possible; // MARGIN × 4 × possible
        if (ratingQuarters - evidenceQuarters > marginQuarters) {
            return OVER;
        }
        if (evidenceQuarters - ratingQuarters > marginQuarters) {
            return UNDER;
        }
        return FITS;
    }

    /** The rating on the evidence's 0–1 scale. */
    static double scaled(int rating) {
        return (rating - 1) / 4.0;
    }
}
