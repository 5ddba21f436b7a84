package org.netverks.learner;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Lesson;
import org.netverks.content.Track;
import org.netverks.learner.ProgressChange.AnsweredQuestion;
import org.netverks.learner.ProgressChange.FlippedCard;
import org.netverks.learner.ProgressChange.LessonMarks;
import org.netverks.learner.ProgressChange.RatedCard;
import org.netverks.learner.ProgressChange.SolvedExercise;
import org.netverks.learner.ProgressRepository.CardSchedule;
import org.netverks.learner.ProgressRepository.ReplayedCard;
import org.netverks.learner.StoredProgress.CardRating;
import org.netverks.learner.StoredProgress.CardRecord;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.netverks.learner.StoredProgress.QuizAnswer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner's progress, in the same shape the browser keeps it ({@link StoredProgress}), merged
 * into the account by rules that make merging safe to repeat ({@link ProgressChange}): the earliest
 * time a lesson was opened or an exercise solved counts; the newer completion mark, confidence
 * rating and quiz answer win; every card rating is kept once and the card's schedule is replayed
 * from them. Quiz answers are re-checked against the content, whatever the browser says.
 */
@Service
class ProgressService {

    /** The longest quiz choice kept (the browser sends a choice's short value). */
    private static final int CHOICE_LENGTH = 64;

    private final ProgressRepository repository;
    private final ContentCatalog catalog;

    ProgressService(ProgressRepository repository, ContentCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    /**
     * Merges a browser store ({"lessons": {...}}) into the account; returns the account's progress
     * after it. The store is read and checked whole first ({@link BrowserProgress}: ids, times,
     * {@link ProgressLimits}), then written with one statement (or one batch) per table, and only
     * the cards that got a new rating (or a flip) have their schedule replayed: the cost follows
     * what is new, and a repeated merge costs little.
     */
    @Transactional
    StoredProgress merge(UUID account, ObjectNode store) {
        StoredProgress sent = BrowserProgress.read(store, repository::knownLessons);
        List<ProgressChange> changes = new ArrayList<>();
        sent.lessons().forEach((lessonId, record) -> changes.addAll(changes(lessonId, record)));
        reschedule(account, repository.save(account, changes));
        return repository.load(account);
    }

    /** Replays the ratings of the cards a merge touched into their schedules: one read, one batch of writes. */
    private void reschedule(UUID account, ProgressRepository.CardsToReplay touched) {
        List<ReplayedCard> schedules = new ArrayList<>();
        repository.ratings(account, touched.cards()).forEach((card, ratings) -> {
            List<CardScheduler.Review> history = ratings.stream()
                    .map(r -> new CardScheduler.Review(
                            r.ratedAt().atOffset(ZoneOffset.UTC).toLocalDate(), r.rating()))
                    .toList();
            Instant last = ratings.get(ratings.size() - 1).ratedAt();
            schedules.add(new ReplayedCard(
                    card, CardScheduler.replay(history), last, touched.flips().get(card)));
        });
        repository.saveSchedules(account, schedules);
    }

    /** What one lesson's record from the browser changes, kind by kind. */
    private List<ProgressChange> changes(String lessonId, LessonRecord record) {
        List<ProgressChange> changes = new ArrayList<>();
        // marking a lesson complete, or not complete again, is a change in time: the newer one wins
        Instant completed = record.completedAt();
        Instant uncompleted = record.uncompletedAt();
        if (completed != null && uncompleted != null && uncompleted.isAfter(completed)) {
            completed = null;
        }
        changes.add(new LessonMarks(
                lessonId,
                record.openedAt(),
                completed,
                latest(completed, uncompleted),
                record.confidence() == null ? null : record.confidence().value(),
                record.confidence() == null ? null : record.confidence().savedAt()));
        Optional<Lesson> lesson = record.quiz().isEmpty() ? Optional.empty() : lesson(lessonId);
        record.quiz().forEach((questionId, answer) -> changes.add(answered(lessonId, questionId, answer, lesson)));
        record.exercises()
                .forEach((exerciseId, solved) ->
                        changes.add(new SolvedExercise(lessonId, exerciseId, solved.solvedAt())));
        record.cards().forEach((cardId, card) -> {
            ratings(card)
                    .forEach(rating -> changes.add(new RatedCard(lessonId, cardId, rating.rating(), rating.ratedAt())));
            if (card.flippedAt() != null) {
                changes.add(new FlippedCard(lessonId, cardId, card.flippedAt()));
            }
        });
        return changes;
    }

    private static AnsweredQuestion answered(
            String lessonId, String questionId, QuizAnswer answer, Optional<Lesson> lesson) {
        String choice = answer.choice();
        boolean correct = lesson.flatMap(l -> l.quizQuestion(questionId))
                .flatMap(q -> q.choice(choice))
                .map(Lesson.QuizChoice::correct)
                .orElse(false);
        return new AnsweredQuestion(
                lessonId,
                questionId,
                choice.length() > CHOICE_LENGTH ? choice.substring(0, CHOICE_LENGTH) : choice,
                correct,
                answer.answeredAt());
    }

    /** A card's ratings as sent: its history, then its last rating (which older browsers sent alone). */
    private static List<CardRating> ratings(CardRecord card) {
        List<CardRating> ratings = new ArrayList<>(card.reviews());
        if (card.rating() != null) {
            ratings.add(new CardRating(card.rating(), card.ratedAt()));
        }
        return ratings;
    }

    /** The account's progress in the browser store's shape. */
    StoredProgress load(UUID account) {
        return repository.load(account);
    }

    /** The account's card schedules, soonest due first. */
    List<CardSchedule> schedules(UUID account) {
        return repository.schedules(account);
    }

    private Optional<Lesson> lesson(String lessonId) {
        return catalog.current().tracks().stream()
                .flatMap(track -> track.steps().stream())
                .filter(step -> step.available() && step.id().equals(lessonId))
                .map(Track.Step::lesson)
                .findFirst();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
