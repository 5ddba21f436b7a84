package org.netverks.learner;

import java.time.Instant;

/**
 * One thing a merge writes, one record per kind of progress. Each kind has a merge rule that makes
 * merging safe to repeat, and a test in {@code ProgressMergeTest} that merging twice changes
 * nothing (CONTRIBUTING.md). The rules are written by {@link ProgressRepository}, which implements
 * {@link Rules}: a new kind needs a new method there, so it does not compile until its rule exists.
 */
sealed interface ProgressChange {

    String lessonId();

    /** Hands this change to the rule for its kind. */
    void applyTo(Rules rules);

    /** One method per kind of progress: where its merge rule goes. */
    interface Rules {
        void lessonMarks(LessonMarks marks);

        void answeredQuestion(AnsweredQuestion answer);

        void solvedExercise(SolvedExercise exercise);

        void ratedCard(RatedCard rating);

        void flippedCard(FlippedCard flip);
    }

    /**
     * Rules: the earliest opening counts; the newer completion mark wins (completed, or not
     * complete again: {@code completedAt} null, changed at {@code completionChangedAt}); the newer
     * confidence rating wins.
     */
    record LessonMarks(
            String lessonId,
            Instant openedAt,
            Instant completedAt,
            Instant completionChangedAt,
            Integer confidence,
            Instant confidenceSavedAt)
            implements ProgressChange {
        @Override
        public void applyTo(Rules rules) {
            rules.lessonMarks(this);
        }
    }

    /** Rule: the newer answer wins; {@code correct} is the content's verdict on the choice. */
    record AnsweredQuestion(String lessonId, String questionId, String choice, boolean correct, Instant answeredAt)
            implements ProgressChange {
        @Override
        public void applyTo(Rules rules) {
            rules.answeredQuestion(this);
        }
    }

    /** Rule: the earliest solving counts. */
    record SolvedExercise(String lessonId, String exerciseId, Instant solvedAt) implements ProgressChange {
        @Override
        public void applyTo(Rules rules) {
            rules.solvedExercise(this);
        }
    }

    /** Rule: every rating is kept once, and the card's schedule is replayed from all of them. */
    record RatedCard(String lessonId, String cardId, String rating, Instant ratedAt) implements ProgressChange {
        @Override
        public void applyTo(Rules rules) {
            rules.ratedCard(this);
        }
    }

    /** Rule: the latest flip counts (kept with the card's schedule, so only for a card with a rating). */
    record FlippedCard(String lessonId, String cardId, Instant flippedAt) implements ProgressChange {
        @Override
        public void applyTo(Rules rules) {
            rules.flippedCard(this);
        }
    }
}
