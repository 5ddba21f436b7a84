package org.netverks.learner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A learner's progress in the shape the browser keeps it ({@code progress-store.js}, version 1),
 * keyed by stable content ids: what {@code GET /api/progress} answers, what a merge sends (read by
 * {@link BrowserProgress}) and what the export file holds. Jackson writes it; a time or part that
 * is absent is left out of the JSON, as the browser leaves it out.
 */
record StoredProgress(int version, Map<String, LessonRecord> lessons) {

    static final int VERSION = 1;

    StoredProgress(Map<String, LessonRecord> lessons) {
        this(VERSION, lessons);
    }

    /** One lesson's progress; {@code uncompletedAt} is only there while the lesson is not complete. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LessonRecord(
            Instant openedAt,
            Instant completedAt,
            Instant uncompletedAt,
            Confidence confidence,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, QuizAnswer> quiz,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, ExerciseSolved> exercises,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, CardRecord> cards) {

        /** A record with no time, rating, answer or card: the lesson was never started. */
        boolean holdsNothing() {
            return openedAt == null
                    && completedAt == null
                    && uncompletedAt == null
                    && confidence == null
                    && quiz.isEmpty()
                    && exercises.isEmpty()
                    && cards.isEmpty();
        }
    }

    /** How sure the learner feels about a lesson, 1 to 5. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Confidence(int value, Instant savedAt) {}

    /** The learner's answer to one quiz question; {@code correct} is the content's verdict, never the browser's. */
    record QuizAnswer(String choice, boolean correct, Instant answeredAt) {}

    record ExerciseSolved(Instant solvedAt) {}

    /**
     * One card: every rating ({@code reviews}), the last one again as {@code rating}/{@code ratedAt}
     * (older browsers sent only those), and the schedule's due day.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CardRecord(List<CardRating> reviews, String rating, Instant ratedAt, Instant flippedAt, LocalDate dueOn) {}

    /** One rating of a card: again, hard, good or easy. */
    record CardRating(String rating, Instant ratedAt) {}
}
