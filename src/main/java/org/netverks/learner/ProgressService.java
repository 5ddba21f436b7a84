package org.netverks.learner;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.netverks.content.ContentCatalog;
import org.netverks.content.ContentIds;
import org.netverks.content.Lesson;
import org.netverks.content.Track;
import org.netverks.web.BadRequestException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's progress, in the same shape the browser keeps it (progress-store.js), merged into
 * the account by rules that make merging safe to repeat: the earliest time a lesson was opened or
 * an exercise solved counts; the newer completion mark, confidence rating and quiz answer win; every
 * card rating is kept once and the card's schedule is replayed from them. Quiz answers are
 * re-checked against the content, whatever the browser says.
 */
@Service
class ProgressService {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final ContentCatalog catalog;

    ProgressService(JdbcClient jdbc, NamedParameterJdbcTemplate batches, ContentCatalog catalog) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.catalog = catalog;
    }

    /**
     * Merges a browser store ({"lessons": {...}}) into the account; returns the account's progress
     * after it. The store is read and checked whole first (ids, times, {@link ProgressLimits}), then
     * written with one statement (or one batch) per table, and only the cards that got a new rating
     * (or a flip) have their schedule replayed: the cost follows what is new, and a repeated merge
     * costs little.
     */
    @Transactional
    Map<String, Object> merge(UUID account, Map<String, Object> store) {
        Object lessons = store == null ? null : store.get("lessons");
        if (!(lessons instanceof Map<?, ?> byLesson)) {
            throw new BadRequestException("Send the progress as {\"lessons\": {\"<lesson id>\": {...}}}.");
        }
        ProgressLimits.require(byLesson.size(), ProgressLimits.LESSONS, "lessons", "");
        Rows rows = new Rows(account);
        Set<String> known = knownLessons(byLesson.keySet());
        for (Map.Entry<?, ?> entry : byLesson.entrySet()) {
            String lessonId = id(entry.getKey(), "lesson id");
            if (!(entry.getValue() instanceof Map<?, ?> record)) {
                throw new BadRequestException("The progress of lesson '" + lessonId + "' must be an object.");
            }
            if (known.contains(lessonId)) {
                readLesson(rows, lessonId, record);
            }
        }
        write(rows);
        return load(account);
    }

    /**
     * The ids among {@code lessonIds} that content_lesson has, live or retired. Progress for any
     * other id is skipped, not refused: a browser may hold ids from other content (the foreign keys
     * of V7 would reject them), and one stray id must not lose the rest of a merge.
     */
    private Set<String> knownLessons(Set<?> lessonIds) {
        String[] ids = lessonIds.stream().map(String::valueOf).toArray(String[]::new);
        return new HashSet<>(jdbc.sql("select id from content_lesson where id = any(:ids::text[])")
                .param("ids", ids)
                .query(String.class)
                .list());
    }

    /** Everything one merge writes, read from the store before anything is written. */
    private static final class Rows {
        final UUID account;
        final List<MapSqlParameterSource> lessons = new ArrayList<>();
        final List<MapSqlParameterSource> quizAnswers = new ArrayList<>();
        final List<MapSqlParameterSource> exercises = new ArrayList<>();
        final List<Review> reviews = new ArrayList<>();
        final Map<CardKey, Timestamp> flips = new LinkedHashMap<>();

        Rows(UUID account) {
            this.account = account;
        }

        MapSqlParameterSource row(String lessonId) {
            return new MapSqlParameterSource("account", account).addValue("lesson", lessonId);
        }
    }

    private record CardKey(String lessonId, String cardId) {}

    private record Review(String lessonId, String cardId, Timestamp at, String rating) {}

    private void readLesson(Rows rows, String lessonId, Map<?, ?> record) {
        // marking a lesson complete, or not complete again, is a change in time: the newer one wins
        Timestamp completed = time(record.get("completedAt"));
        Timestamp uncompleted = time(record.get("uncompletedAt"));
        if (completed != null && uncompleted != null && uncompleted.after(completed)) {
            completed = null;
        }
        Map<?, ?> confidence = map(record.get("confidence"));
        Integer value = confidence.get("value") instanceof Number number ? number.intValue() : null;
        if (value != null && (value < 1 || value > 5)) {
            throw new BadRequestException("A confidence rating is 1 to 5, not " + value + ".");
        }
        rows.lessons.add(rows.row(lessonId)
                .addValue("opened", time(record.get("openedAt")))
                .addValue("completed", completed)
                .addValue("completionChanged", latest(completed, uncompleted))
                .addValue("confidence", value)
                .addValue("saved", value == null ? null : time(confidence.get("savedAt"))));
        String where = " in one lesson";
        Map<?, ?> quiz = map(record.get("quiz"));
        ProgressLimits.require(quiz.size(), ProgressLimits.QUIZ_ANSWERS_PER_LESSON, "quiz answers", where);
        Optional<Lesson> lesson = quiz.isEmpty() ? Optional.empty() : lesson(lessonId);
        for (Map.Entry<?, ?> answer : quiz.entrySet()) {
            String questionId = id(answer.getKey(), "question id");
            Map<?, ?> given = map(answer.getValue());
            String choice = given.get("choice") instanceof String text ? text : null;
            Timestamp at = time(given.get("answeredAt"));
            if (choice == null || at == null) {
                continue;
            }
            boolean correct = lesson.flatMap(l -> l.quizQuestion(questionId))
                    .flatMap(q -> q.choice(choice))
                    .map(Lesson.QuizChoice::correct)
                    .orElse(false);
            rows.quizAnswers.add(rows.row(lessonId)
                    .addValue("question", questionId)
                    .addValue("choice", choice.length() > 64 ? choice.substring(0, 64) : choice)
                    .addValue("correct", correct)
                    .addValue("at", at));
        }
        Map<?, ?> exercises = map(record.get("exercises"));
        ProgressLimits.require(exercises.size(), ProgressLimits.EXERCISES_PER_LESSON, "solved exercises", where);
        for (Map.Entry<?, ?> solved : exercises.entrySet()) {
            Timestamp at = time(map(solved.getValue()).get("solvedAt"));
            if (at != null) {
                rows.exercises.add(rows.row(lessonId)
                        .addValue("exercise", id(solved.getKey(), "exercise id"))
                        .addValue("at", at));
            }
        }
        Map<?, ?> cards = map(record.get("cards"));
        ProgressLimits.require(cards.size(), ProgressLimits.CARDS_PER_LESSON, "cards", where);
        for (Map.Entry<?, ?> card : cards.entrySet()) {
            readCard(rows, lessonId, id(card.getKey(), "card id"), map(card.getValue()));
        }
    }

    private void readCard(Rows rows, String lessonId, String cardId, Map<?, ?> card) {
        List<Map<?, ?>> reviews = new ArrayList<>();
        if (card.get("reviews") instanceof List<?> list) {
            ProgressLimits.require(list.size(), ProgressLimits.REVIEWS_PER_CARD, "card reviews", " for one card");
            list.forEach(item -> reviews.add(map(item)));
        }
        if (card.get("rating") != null) {
            reviews.add(Map.of("rating", card.get("rating"), "ratedAt", String.valueOf(card.get("ratedAt"))));
        }
        CardKey key = new CardKey(lessonId, cardId);
        for (Map<?, ?> review : reviews) {
            Timestamp at = time(review.get("ratedAt"));
            Object rating = review.get("rating");
            if (at == null || !List.of("again", "hard", "good", "easy").contains(rating)) {
                continue;
            }
            rows.reviews.add(new Review(lessonId, cardId, at, (String) rating));
            ProgressLimits.require(rows.reviews.size(), ProgressLimits.REVIEWS, "card reviews", "");
        }
        Timestamp flipped = time(card.get("flippedAt"));
        if (flipped != null) {
            rows.flips.merge(key, flipped, (a, b) -> a.after(b) ? a : b);
        }
    }

    private void write(Rows rows) {
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
                rows.quizAnswers);
        batch(
                """
                insert into exercise_solved (account_id, lesson_id, exercise_id, solved_at)
                values (:account, :lesson, :exercise, :at)
                on conflict (account_id, lesson_id, exercise_id)
                do update set solved_at = least(exercise_solved.solved_at, excluded.solved_at)""",
                rows.exercises);
        // the bulk of a big merge: one statement, which answers the cards that got a new rating
        Set<CardKey> touched = new LinkedHashSet<>(rows.flips.keySet());
        if (!rows.reviews.isEmpty()) {
            jdbc.sql(
                            """
                    insert into card_review (account_id, lesson_id, card_id, rated_at, rating)
                    select :account, lesson_id, card_id, rated_at, rating
                    from unnest(:lessons::text[], :cards::text[], :times::timestamptz[], :ratings::text[])
                         as review (lesson_id, card_id, rated_at, rating)
                    on conflict do nothing
                    returning lesson_id, card_id""")
                    .param("account", rows.account)
                    .param(
                            "lessons",
                            rows.reviews.stream().map(Review::lessonId).toArray(String[]::new))
                    .param("cards", rows.reviews.stream().map(Review::cardId).toArray(String[]::new))
                    .param(
                            "times",
                            rows.reviews.stream()
                                    .map(r -> r.at().toInstant().toString())
                                    .toArray(String[]::new))
                    .param("ratings", rows.reviews.stream().map(Review::rating).toArray(String[]::new))
                    .query(row -> {
                        touched.add(new CardKey(row.getString(1), row.getString(2)));
                    });
        }
        reschedule(rows.account, touched, rows.flips);
    }

    private void batch(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Replays the ratings of the touched cards into their schedules: one read, one batch of writes. */
    private void reschedule(UUID account, Set<CardKey> cards, Map<CardKey, Timestamp> flips) {
        if (cards.isEmpty()) {
            return;
        }
        Map<CardKey, List<CardScheduler.Review>> reviews = new LinkedHashMap<>();
        Map<CardKey, Timestamp> last = new LinkedHashMap<>();
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
                    CardKey key = new CardKey(row.getString(1), row.getString(2));
                    Timestamp at = row.getTimestamp(3);
                    reviews.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new CardScheduler.Review(
                                    at.toInstant().atOffset(ZoneOffset.UTC).toLocalDate(), row.getString(4)));
                    last.put(key, at);
                });
        List<MapSqlParameterSource> schedules = new ArrayList<>();
        reviews.forEach((key, history) -> {
            CardScheduler.Schedule schedule = CardScheduler.replay(history);
            schedules.add(new MapSqlParameterSource("account", account)
                    .addValue("lesson", key.lessonId())
                    .addValue("card", key.cardId())
                    .addValue("repetitions", schedule.repetitions())
                    .addValue("ease", schedule.ease())
                    .addValue("interval", schedule.intervalDays())
                    .addValue("due", schedule.dueOn())
                    .addValue("last", last.get(key))
                    .addValue("flipped", flips.get(key)));
        });
        batch(
                """
                insert into card_schedule (account_id, lesson_id, card_id, repetitions, ease, interval_days, due_on,
                                           last_rated_at, flipped_at)
                values (:account, :lesson, :card, :repetitions, :ease, :interval, :due, :last, :flipped)
                on conflict (account_id, lesson_id, card_id) do update set
                    repetitions = excluded.repetitions, ease = excluded.ease, interval_days = excluded.interval_days,
                    due_on = excluded.due_on, last_rated_at = excluded.last_rated_at,
                    flipped_at = greatest(card_schedule.flipped_at, excluded.flipped_at)""",
                schedules);
    }

    /** The account's progress in the browser store's shape. */
    Map<String, Object> load(UUID account) {
        Map<String, Map<String, Object>> lessons = new LinkedHashMap<>();
        jdbc.sql("select * from lesson_progress where account_id = :account order by lesson_id")
                .param("account", account)
                .query(row -> {
                    Map<String, Object> record = lesson(lessons, row.getString("lesson_id"));
                    putTime(record, "openedAt", row.getTimestamp("opened_at"));
                    putTime(record, "completedAt", row.getTimestamp("completed_at"));
                    if (row.getTimestamp("completed_at") == null) {
                        putTime(record, "uncompletedAt", row.getTimestamp("completion_changed_at"));
                    }
                    if (row.getObject("confidence") != null) {
                        record.put(
                                "confidence",
                                Map.of(
                                        "value",
                                        row.getInt("confidence"),
                                        "savedAt",
                                        iso(row.getTimestamp("confidence_saved_at"))));
                    }
                });
        jdbc.sql("select * from quiz_answer where account_id = :account")
                .param("account", account)
                .query(row -> {
                    child(lesson(lessons, row.getString("lesson_id")), "quiz")
                            .put(
                                    row.getString("question_id"),
                                    Map.of(
                                            "choice",
                                            row.getString("choice"),
                                            "correct",
                                            row.getBoolean("correct"),
                                            "answeredAt",
                                            iso(row.getTimestamp("answered_at"))));
                });
        jdbc.sql("select * from exercise_solved where account_id = :account")
                .param("account", account)
                .query(row -> {
                    child(lesson(lessons, row.getString("lesson_id")), "exercises")
                            .put(row.getString("exercise_id"), Map.of("solvedAt", iso(row.getTimestamp("solved_at"))));
                });
        jdbc.sql(
                        """
                select r.lesson_id, r.card_id, r.rated_at, r.rating, s.flipped_at, s.due_on
                from card_review r
                left join card_schedule s using (account_id, lesson_id, card_id)
                where r.account_id = :account order by r.lesson_id, r.card_id, r.rated_at""")
                .param("account", account)
                .query(row -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> card = (Map<String, Object>) child(
                                    lesson(lessons, row.getString("lesson_id")), "cards")
                            .computeIfAbsent(row.getString("card_id"), id -> new LinkedHashMap<String, Object>());
                    @SuppressWarnings("unchecked")
                    List<Object> history = (List<Object>) card.computeIfAbsent("reviews", key -> new ArrayList<>());
                    history.add(
                            Map.of("rating", row.getString("rating"), "ratedAt", iso(row.getTimestamp("rated_at"))));
                    card.put("rating", row.getString("rating"));
                    card.put("ratedAt", iso(row.getTimestamp("rated_at")));
                    putTime(card, "flippedAt", row.getTimestamp("flipped_at"));
                    if (row.getDate("due_on") != null) {
                        card.put("dueOn", row.getDate("due_on").toLocalDate().toString());
                    }
                });
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("version", 1);
        store.put("lessons", lessons);
        return store;
    }

    record CardSchedule(
            String lessonId,
            String cardId,
            int repetitions,
            java.math.BigDecimal ease,
            int intervalDays,
            java.time.LocalDate dueOn) {}

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

    private Optional<Lesson> lesson(String lessonId) {
        return catalog.current().tracks().stream()
                .flatMap(track -> track.steps().stream())
                .filter(step -> step.available() && step.id().equals(lessonId))
                .map(Track.Step::lesson)
                .findFirst();
    }

    private static Timestamp latest(Timestamp a, Timestamp b) {
        return a == null ? b : b == null ? a : a.after(b) ? a : b;
    }

    private static Map<String, Object> lesson(Map<String, Map<String, Object>> lessons, String id) {
        return lessons.computeIfAbsent(id, key -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> record, String key) {
        return (Map<String, Object>) record.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    private static void putTime(Map<String, Object> record, String key, Timestamp time) {
        if (time != null) {
            record.put(key, iso(time));
        }
    }

    private static String iso(Timestamp time) {
        return time.toInstant().toString();
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String id(Object key, String what) {
        String id = String.valueOf(key);
        if (!ContentIds.isValid(id)) {
            throw new BadRequestException(
                    "'" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "' is not a " + what + ".");
        }
        return id;
    }

    /**
     * An ISO-8601 time from the browser, or null; a time in the future (a wrong clock) counts as
     * now, so it cannot win every later "newer wins" comparison. One before 1970 is no time a
     * browser recorded (and years like 0 or -290000 are beyond what PostgreSQL stores): 400.
     */
    private static Timestamp time(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(Instant.EPOCH)) {
                throw new BadRequestException("'" + (text.length() > 40 ? text.substring(0, 40) : text)
                        + "' is before 1970: send the time the browser recorded, like 2026-11-24T09:30:00Z.");
            }
            Instant now = Instant.now();
            return Timestamp.from(instant.isAfter(now) ? now : instant);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + (text.length() > 40 ? text.substring(0, 40) : text)
                    + "' is not a time like 2026-11-24T09:30:00Z.");
        }
    }
}
