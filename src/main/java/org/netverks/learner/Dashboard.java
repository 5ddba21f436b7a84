package org.netverks.learner;

import java.util.List;

/**
 * What /me shows: tracks in progress, cards due, each rated lesson's confidence beside the evidence
 * (as a table and as a chart), and the days practised.
 */
public record Dashboard(
        List<TrackProgress> tracks,
        int cardsDue,
        List<ConfidenceCheck> confidence,
        ConfidenceChart chart,
        PractiseCalendar calendar) {

    public record TrackProgress(
            String title,
            String slug,
            int completed,
            int total,
            int percent,
            String nextTitle,
            String nextHref,
            StepStrip steps) {}

    /**
     * @param number the lesson's number on the chart
     * @param scorePercent quiz answers right and exercises solved, as a share of all the lesson's
     *     questions and exercises; null when nothing was tried yet
     * @param verdict a {@link ConfidenceVerdict}'s CSS name: over, under, fits or untested
     */
    public record ConfidenceCheck(
            int number,
            String lessonTitle,
            String href,
            int confidence,
            int quizCorrect,
            int quizTotal,
            int exercisesSolved,
            int exercisesTotal,
            Integer scorePercent,
            String verdict,
            String verdictLabel,
            String advice) {}
}
