package org.netverks.learner;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.netverks.learner.ProgressChange.AnsweredQuestion;
import org.netverks.learner.ProgressChange.FlippedCard;
import org.netverks.learner.ProgressChange.LessonMarks;
import org.netverks.learner.ProgressChange.RatedCard;
import org.netverks.learner.ProgressChange.SolvedExercise;
import org.netverks.learner.StoredProgress.CardRating;
import org.netverks.learner.StoredProgress.CardRecord;
import org.netverks.learner.StoredProgress.Confidence;
import org.netverks.learner.StoredProgress.ExerciseSolved;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.netverks.learner.StoredProgress.QuizAnswer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The progress tables (lesson_progress, quiz_answer, exercise_solved, card_review, card_schedule):
 * every statement on them. The merge rules are upserts, so that merging the same progress again
 * changes nothing; each merge writes one statement or one batch per table.
 */
@Repository
class ProgressRepository {

    /** A card of a lesson. */
    record CardKey(String lessonId, String cardId) {}

    /** The cards a merge gave a new rating or a flip (with the flip's time): their schedules are replayed. */
    record CardsToReplay(Set<CardKey> cards, Map<CardKey, Instant> flips) {}

    /** A card's schedule after replaying its ratings, to be written. */
    record ReplayedCard(CardKey card, CardScheduler.Schedule schedule, Instant lastRatedAt, Instant flippedAt) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    ProgressRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The ids among {@code lessonIds} that content_lesson has, live or retired. */
    Set<String> knownLessons(Set<String> lessonIds) {
        return new HashSet<>(jdbc.sql("select id from content_lesson where id = any(:ids::text[])")
                .param("ids", lessonIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /**
     * Writes a merge's changes, each kind by its rule, and answers the cards whose schedule must be
     * replayed: those that got a rating they did not have, or a flip.
     */
    CardsToReplay save(UUID account, List<ProgressChange> changes) {
        MergeRows rows = new MergeRows(account);
        changes.forEach(change -> change.applyTo(rows));
        batch(
                """
                insert into lesson_progress (account_id, lesson_id, opened_at, completed_at, completion_changed_at,
                                             confidence, confidence_saved_at)
                values (:account, :lesson, :opened, :completed, :completionChanged, :confidence, :saved)
                on conflict (account_id, lesson_id) do update set
                    opened_at = least(lesson_progress.opened_at, excluded.opened_at),
                    completed_at = case when lesson_progress.completion_changed_at is null
                                          or excluded.completion_changed_at > lesson_progress.completion_changed_at
                                        then excluded.completed_at else lesson_progress.completed_at end,
                    completion_changed_at = greatest(lesson_progress.completion_changed_at,
                                                     excluded.completion_changed_at),
                    confidence = case when lesson_progress.confidence_saved_at is null
                                        or excluded.confidence_saved_at > lesson_progress.confidence_saved_at
                                      then coalesce(excluded.confidence, lesson_progress.confidence)
                                      else lesson_progress.confidence end,
                    confidence_saved_at = greatest(lesson_progress.confidence_saved_at, excluded.confidence_saved_at)""",
                rows.lessons);
        batch(
                """
                insert into quiz_answer (account_id, lesson_id, question_id, choice, correct, answered_at)
                values (:account, :lesson, :question, :choice, :correct, :at)
                on conflict (account_id, lesson_id, question_id) do update
                set choice = excluded.choice, correct = excluded.correct, answered_at = excluded.answered_at
                where excluded.answered_at > quiz_answer.answered_at""",
                rows.answers);
        batch(
                """
                insert into exercise_solved (account_id, lesson_id, exercise_id, solved_at)
                values (:account, :lesson, :exercise, :at)
                on conflict (account_id, lesson_id, exercise_id)
                do update set solved_at = least(exercise_solved.solved_at, excluded.solved_at)""",
                rows.solved);
        Set<CardKey> touched = new LinkedHashSet<>(rows.flips.keySet());
        touched.addAll(newlyRated(account, rows.ratings));
        return new CardsToReplay(touched, rows.flips);
    }

    /** A merge's changes sorted into one batch per table, each kind's rule being the statement for its table. */
    private static final class MergeRows implements ProgressChange.Rules {
        final UUID account;
        final List<MapSqlParameterSource> lessons = new ArrayList<>();
        final List<MapSqlParameterSource> answers = new ArrayList<>();
        final List<MapSqlParameterSource> solved = new ArrayList<>();
        final List<RatedCard> ratings = new ArrayList<>();
        final Map<CardKey, Instant> flips = new LinkedHashMap<>();

        MergeRows(UUID account) {
            this.account = account;
        }

        private MapSqlParameterSource row(ProgressChange change) {
            return new MapSqlParameterSource("account", account).addValue("lesson", change.lessonId());
        }

        /** Earliest opening; newer completion mark; newer confidence (lesson_progress upsert). */
        @Override
        public void lessonMarks(LessonMarks marks) {
            lessons.add(row(marks)
                    .addValue("opened", timestamp(marks.openedAt()))
                    .addValue("completed", timestamp(marks.completedAt()))
                    .addValue("completionChanged", timestamp(marks.completionChangedAt()))
                    .addValue("confidence", marks.confidence())
                    .addValue("saved", timestamp(marks.confidenceSavedAt())));
        }

        /** The newer answer wins (quiz_answer upsert). */
        @Override
        public void answeredQuestion(AnsweredQuestion answer) {
            answers.add(row(answer)
                    .addValue("question", answer.questionId())
                    .addValue("choice", answer.choice())
                    .addValue("correct", answer.correct())
                    .addValue("at", timestamp(answer.answeredAt())));
        }

        /** The earliest solving counts (exercise_solved upsert). */
        @Override
        public void solvedExercise(SolvedExercise exercise) {
            solved.add(row(exercise)
                    .addValue("exercise", exercise.exerciseId())
                    .addValue("at", timestamp(exercise.solvedAt())));
        }

        /** Each rating once (card_review, on conflict do nothing); the schedule is replayed after. */
        @Override
        public void ratedCard(RatedCard rating) {
            ratings.add(rating);
        }

        /** The latest flip counts: here within one merge, in card_schedule across merges. */
        @Override
        public void flippedCard(FlippedCard flip) {
            flips.merge(new CardKey(flip.lessonId(), flip.cardId()), flip.flippedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The bulk of a big merge, in one statement: keeps each rating once and answers the cards that got a new one. */
    private List<CardKey> newlyRated(UUID account, List<RatedCard> ratings) {
        if (ratings.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                insert into card_review (account_id, lesson_id, card_id, rated_at, rating)
                select :account, lesson_id, card_id, rated_at, rating
                from unnest(:lessons::text[], :cards::text[], :times::timestamptz[], :ratings::text[])
                     as review (lesson_id, card_id, rated_at, rating)
                on conflict do nothing
                returning lesson_id, card_id""")
                .param("account", account)
                .param("lessons", ratings.stream().map(RatedCard::lessonId).toArray(String[]::new))
                .param("cards", ratings.stream().map(RatedCard::cardId).toArray(String[]::new))
                .param(
                        "times",
                        ratings.stream().map(r -> r.ratedAt().toString()).toArray(String[]::new))
                .param("ratings", ratings.stream().map(RatedCard::rating).toArray(String[]::new))
                .query((row, n) -> new CardKey(row.getString(1), row.getString(2)))
                .list();
    }

    /** Every rating of the given cards, oldest first: one read. */
    Map<CardKey, List<CardRating>> ratings(UUID account, Set<CardKey> cards) {
        Map<CardKey, List<CardRating>> ratings = new LinkedHashMap<>();
        if (cards.isEmpty()) {
            return ratings;
        }
        jdbc.sql(
                        """
                select r.lesson_id, r.card_id, r.rated_at, r.rating
                from card_review r
                join unnest(:lessons::text[], :cards::text[]) as touched (lesson_id, card_id) using (lesson_id, card_id)
                where r.account_id = :account order by r.lesson_id, r.card_id, r.rated_at""")
                .param("account", account)
                .param("lessons", cards.stream().map(CardKey::lessonId).toArray(String[]::new))
                .param("cards", cards.stream().map(CardKey::cardId).toArray(String[]::new))
                .query(row -> {
                    ratings.computeIfAbsent(new CardKey(row.getString(1), row.getString(2)), k -> new ArrayList<>())
                            .add(new CardRating(row.getString(4), instant(row.getTimestamp(3))));
                });
        return ratings;
    }

    /** Writes replayed schedules, one batch; a flip only ever moves later. */
    void saveSchedules(UUID account, List<ReplayedCard> cards) {
        batch(
                """
                insert into card_schedule (account_id, lesson_id, card_id, repetitions, ease, interval_days, due_on,
                                           last_rated_at, flipped_at)
                values (:account, :lesson, :card, :repetitions, :ease, :interval, :due, :last, :flipped)
                on conflict (account_id, lesson_id, card_id) do update set
                    repetitions = excluded.repetitions, ease = excluded.ease, interval_days = excluded.interval_days,
                    due_on = excluded.due_on, last_rated_at = excluded.last_rated_at,
                    flipped_at = greatest(card_schedule.flipped_at, excluded.flipped_at)""",
                cards.stream()
                        .map(card -> new MapSqlParameterSource("account", account)
                                .addValue("lesson", card.card().lessonId())
                                .addValue("card", card.card().cardId())
                                .addValue("repetitions", card.schedule().repetitions())
                                .addValue("ease", card.schedule().ease())
                                .addValue("interval", card.schedule().intervalDays())
                                .addValue("due", card.schedule().dueOn())
                                .addValue("last", timestamp(card.lastRatedAt()))
                                .addValue("flipped", timestamp(card.flippedAt())))
                        .toList());
    }

    /** The account's progress in the browser store's shape, lessons in id order. */
    StoredProgress load(UUID account) {
        Map<String, LessonRow> lessons = new LinkedHashMap<>();
        jdbc.sql("select * from lesson_progress where account_id = :account order by lesson_id")
                .param("account", account)
                .query(row -> {
                    LessonRow lesson = lessons.computeIfAbsent(row.getString("lesson_id"), id -> new LessonRow());
                    lesson.openedAt = instant(row.getTimestamp("opened_at"));
                    lesson.completedAt = instant(row.getTimestamp("completed_at"));
                    if (lesson.completedAt == null) {
                        lesson.uncompletedAt = instant(row.getTimestamp("completion_changed_at"));
                    }
                    if (row.getObject("confidence") != null) {
                        lesson.confidence = new Confidence(
                                row.getInt("confidence"), instant(row.getTimestamp("confidence_saved_at")));
                    }
                });
        jdbc.sql("select * from quiz_answer where account_id = :account")
                .param("account", account)
                .query(row -> {
                    lessons.computeIfAbsent(row.getString("lesson_id"), id -> new LessonRow())
                            .quiz
                            .put(
                                    row.getString("question_id"),
                                    new QuizAnswer(
                                            row.getString("choice"),
                                            row.getBoolean("correct"),
                                            instant(row.getTimestamp("answered_at"))));
                });
        jdbc.sql("select * from exercise_solved where account_id = :account")
                .param("account", account)
                .query(row -> {
                    lessons.computeIfAbsent(row.getString("lesson_id"), id -> new LessonRow())
                            .exercises
                            .put(
                                    row.getString("exercise_id"),
                                    new ExerciseSolved(instant(row.getTimestamp("solved_at"))));
                });
        jdbc.sql(
                        """
                select r.lesson_id, r.card_id, r.rated_at, r.rating, s.flipped_at, s.due_on
                from card_review r
                left join card_schedule s using (account_id, lesson_id, card_id)
                where r.account_id = :account order by r.lesson_id, r.card_id, r.rated_at""")
                .param("account", account)
                .query(row -> {
                    lessons.computeIfAbsent(row.getString("lesson_id"), id -> new LessonRow())
                            .cards
                            .computeIfAbsent(row.getString("card_id"), id -> new CardRow())
                            .add(row);
                });
        Map<String, LessonRecord> records = new LinkedHashMap<>();
        lessons.forEach((id, lesson) -> records.put(id, lesson.record()));
        return new StoredProgress(records);
    }

    /** One lesson's record while its rows are read from the five tables. */
    private static final class LessonRow {
        Instant openedAt;
        Instant completedAt;
        Instant uncompletedAt;
        Confidence confidence;
        final Map<String, QuizAnswer> quiz = new LinkedHashMap<>();
        final Map<String, ExerciseSolved> exercises = new LinkedHashMap<>();
        final Map<String, CardRow> cards = new LinkedHashMap<>();

        LessonRecord record() {
            Map<String, CardRecord> cardRecords = new LinkedHashMap<>();
            cards.forEach((id, card) -> cardRecords.put(id, card.record()));
            return new LessonRecord(openedAt, completedAt, uncompletedAt, confidence, quiz, exercises, cardRecords);
        }
    }

    /** One card's ratings, oldest first, with its schedule's flip and due day. */
    private static final class CardRow {
        final List<CardRating> reviews = new ArrayList<>();
        Instant flippedAt;
        LocalDate dueOn;

        void add(ResultSet row) throws SQLException {
            reviews.add(new CardRating(row.getString("rating"), instant(row.getTimestamp("rated_at"))));
            flippedAt = instant(row.getTimestamp("flipped_at"));
            dueOn = row.getDate("due_on") == null ? null : row.getDate("due_on").toLocalDate();
        }

        CardRecord record() {
            CardRating last = reviews.get(reviews.size() - 1);
            return new CardRecord(reviews, last.rating(), last.ratedAt(), flippedAt, dueOn);
        }
    }

    /** The account's card schedules, soonest due first. */
    List<CardSchedule> schedules(UUID account) {
        return jdbc.sql("select * from card_schedule where account_id = :account order by due_on, lesson_id, card_id")
                .param("account", account)
                .query((row, n) -> new CardSchedule(
                        row.getString("lesson_id"),
                        row.getString("card_id"),
                        row.getInt("repetitions"),
                        row.getBigDecimal("ease"),
                        row.getInt("interval_days"),
                        row.getDate("due_on").toLocalDate()))
                .list();
    }

    /** One card's SM-2 schedule, as /me/cards and the export show it. */
    record CardSchedule(
            String lessonId, String cardId, int repetitions, BigDecimal ease, int intervalDays, LocalDate dueOn) {}

    private void batch(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
