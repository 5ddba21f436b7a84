package org.netverks.learner;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.netverks.content.ContentIds;
import org.netverks.learner.StoredProgress.CardRating;
import org.netverks.learner.StoredProgress.CardRecord;
import org.netverks.learner.StoredProgress.Confidence;
import org.netverks.learner.StoredProgress.ExerciseSolved;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.netverks.learner.StoredProgress.QuizAnswer;
import org.netverks.web.BadRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the progress a browser sends ({@code {"lessons": {...}}}) into a {@link StoredProgress}, as
 * leniently as progress-store.js needs: the store is the browser's own, kept across versions, so a
 * part of the wrong type (a quiz that is not an object, a confidence that is not a number) counts
 * as absent and an answer or rating without its time is skipped. What cannot be meant is refused
 * with a 400 saying why (an id that is not a content id, a time that is not one) and a store over
 * {@link ProgressLimits} with a 413. Lessons the platform does not know are skipped unread: a
 * browser may hold ids from other content, and one stray id must not lose the rest of a merge.
 */
final class BrowserProgress {

    private static final JsonNode NO_OBJECT = JsonNodeFactory.instance.objectNode();

    private final Instant now = Instant.now();
    private int reviews; // across the whole store, for ProgressLimits.REVIEWS

    private BrowserProgress() {}

    /**
     * The store's lessons the platform knows, read; every lesson id is checked, but only known
     * lessons are read further.
     *
     * @param knownLessons answers which of the given lesson ids the platform has (content_lesson)
     */
    static StoredProgress read(ObjectNode store, UnaryOperator<Set<String>> knownLessons) {
        JsonNode lessons = store.get("lessons");
        if (lessons == null || !lessons.isObject()) {
            throw new BadRequestException("Send the progress as {\"lessons\": {\"<lesson id>\": {...}}}.");
        }
        ProgressLimits.require(lessons.size(), ProgressLimits.LESSONS, "lessons", "");
        Set<String> known = knownLessons.apply(Set.copyOf(lessons.propertyNames()));
        BrowserProgress reader = new BrowserProgress();
        Map<String, LessonRecord> read = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : lessons.properties()) {
            String lessonId = id(entry.getKey(), "lesson id");
            if (!entry.getValue().isObject()) {
                throw new BadRequestException("The progress of lesson '" + lessonId + "' must be an object.");
            }
            if (known.contains(lessonId)) {
                read.put(lessonId, reader.lesson(entry.getValue()));
            }
        }
        return new StoredProgress(read);
    }

    private LessonRecord lesson(JsonNode record) {
        Instant completed = time(record.get("completedAt"));
        Instant uncompleted = time(record.get("uncompletedAt"));
        Confidence confidence = confidence(object(record.get("confidence")));
        Instant opened = time(record.get("openedAt"));
        String where = " in one lesson";

        JsonNode quiz = object(record.get("quiz"));
        ProgressLimits.require(quiz.size(), ProgressLimits.QUIZ_ANSWERS_PER_LESSON, "quiz answers", where);
        Map<String, QuizAnswer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> answer : quiz.properties()) {
            String questionId = id(answer.getKey(), "question id");
            JsonNode given = object(answer.getValue());
            String choice =
                    given.path("choice").isString() ? given.get("choice").stringValue() : null;
            Instant at = time(given.get("answeredAt"));
            if (choice != null && at != null) {
                answers.put(questionId, new QuizAnswer(choice, false, at)); // correct: the content decides
            }
        }

        JsonNode exercises = object(record.get("exercises"));
        ProgressLimits.require(exercises.size(), ProgressLimits.EXERCISES_PER_LESSON, "solved exercises", where);
        Map<String, ExerciseSolved> solved = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> exercise : exercises.properties()) {
            Instant at = time(object(exercise.getValue()).get("solvedAt"));
            if (at != null) {
                solved.put(id(exercise.getKey(), "exercise id"), new ExerciseSolved(at));
            }
        }

        JsonNode cards = object(record.get("cards"));
        ProgressLimits.require(cards.size(), ProgressLimits.CARDS_PER_LESSON, "cards", where);
        Map<String, CardRecord> rated = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> card : cards.properties()) {
            rated.put(id(card.getKey(), "card id"), card(object(card.getValue())));
        }
        return new LessonRecord(opened, completed, uncompleted, confidence, answers, solved, rated);
    }

    /** The rating, or null when there is none (or it is not a number); its time only counts with it. */
    private Confidence confidence(JsonNode confidence) {
        JsonNode value = confidence.path("value");
        if (!value.isNumber()) {
            return null;
        }
        int rating = value.numberValue().intValue();
        if (rating < 1 || rating > 5) {
            throw new BadRequestException("A confidence rating is 1 to 5, not " + rating + ".");
        }
        return new Confidence(rating, time(confidence.get("savedAt")));
    }

    /**
     * A card's ratings ({@code reviews}) and its last one ({@code rating} with {@code ratedAt},
     * which older browsers sent alone, so a rating there must have its time). A rating that is not
     * one of the four answers, or has no time, is skipped.
     */
    private CardRecord card(JsonNode card) {
        List<CardRating> ratings = new ArrayList<>();
        JsonNode history = card.path("reviews");
        if (history.isArray()) {
            ProgressLimits.require(history.size(), ProgressLimits.REVIEWS_PER_CARD, "card reviews", " for one card");
            for (JsonNode review : history) {
                JsonNode given = object(review);
                rating(given.get("rating"), time(given.get("ratedAt"))).ifPresent(ratings::add);
            }
        }
        CardRating last = null;
        JsonNode rating = card.path("rating");
        if (!rating.isMissingNode() && !rating.isNull()) {
            last = rating(rating, time(legacyTime(card.path("ratedAt")))).orElse(null);
        }
        return new CardRecord(
                ratings,
                last == null ? null : last.rating(),
                last == null ? null : last.ratedAt(),
                time(card.get("flippedAt")),
                null);
    }

    /**
     * The time beside a card's {@code rating}, as text: a rating there must come with its time, so
     * one without (or with a number) is refused as "'null' is not a time like …".
     */
    private static String legacyTime(JsonNode ratedAt) {
        if (ratedAt.isString()) {
            return ratedAt.stringValue();
        }
        return ratedAt.isMissingNode() || ratedAt.isNull() ? "null" : ratedAt.toString();
    }

    private Optional<CardRating> rating(JsonNode rating, Instant at) {
        if (at == null
                || rating == null
                || !rating.isString()
                || !CardScheduler.RATINGS.contains(rating.stringValue())) {
            return Optional.empty();
        }
        reviews++;
        ProgressLimits.require(reviews, ProgressLimits.REVIEWS, "card reviews", "");
        return Optional.of(new CardRating(rating.stringValue(), at));
    }

    private static JsonNode object(JsonNode value) {
        return value != null && value.isObject() ? value : NO_OBJECT;
    }

    private static String id(String id, String what) {
        if (!ContentIds.isValid(id)) {
            throw new BadRequestException(
                    "'" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "' is not a " + what + ".");
        }
        return id;
    }

    private Instant time(JsonNode value) {
        return value != null && value.isString() ? time(value.stringValue()) : null;
    }

    /**
     * An ISO-8601 time from the browser, or null; a time in the future (a wrong clock) counts as
     * now, so it cannot win every later "newer wins" comparison. One before 1970 is no time a
     * browser recorded (and years like 0 or -290000 are beyond what PostgreSQL stores): 400.
     */
    private Instant time(String text) {
        if (text.isBlank()) {
            return null;
        }
        String shown = text.length() > 40 ? text.substring(0, 40) : text;
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(Instant.EPOCH)) {
                throw new BadRequestException("'" + shown
                        + "' is before 1970: send the time the browser recorded, like 2026-11-24T09:30:00Z.");
            }
            return instant.isAfter(now) ? now : instant;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + shown + "' is not a time like 2026-11-24T09:30:00Z.");
        }
    }
}
