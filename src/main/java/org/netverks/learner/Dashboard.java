package org.netverks.learner;

import java.util.List;

/** What /me shows: tracks in progress, cards due, and each rated lesson's confidence beside the evidence. */
public record Dashboard(List<TrackProgress> tracks, int cardsDue, List<ConfidenceCheck> confidence) {

    public record TrackProgress(
            String title, String slug, int completed, int total, int percent, String nextTitle, String nextHref) {}

    /**
     * @param verdict "over" when the rating is high and the results low, "under" for the reverse, else "fits"
     */
    public record ConfidenceCheck(
            String lessonTitle,
            String href,
            int confidence,
            int quizCorrect,
            int quizTotal,
            int exercisesSolved,
            int exercisesTotal,
            String verdict,
            String advice) {}
}
