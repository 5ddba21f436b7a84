package org.netverks.learner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Lesson;
import org.netverks.content.Track;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.springframework.stereotype.Service;

/** Builds the dashboard and the due-card queue from the account's progress and the content. */
@Service
public class DashboardService {

    private final ProgressService progress;
    private final ContentCatalog catalog;

    DashboardService(ProgressService progress, ContentCatalog catalog) {
        this.progress = progress;
        this.catalog = catalog;
    }

    Dashboard dashboard(UUID account) {
        Map<String, LessonRecord> lessons = progress.load(account).lessons();
        List<Dashboard.TrackProgress> tracks = new ArrayList<>();
        List<Dashboard.ConfidenceCheck> checks = new ArrayList<>();
        for (Track track : catalog.current().tracks()) {
            int completed = 0;
            Track.Step next = null;
            boolean started = false;
            List<String> stepTitles = new ArrayList<>();
            List<StepStrip.State> stepStates = new ArrayList<>();
            for (Track.Step step : track.steps()) {
                LessonRecord record = lessons.get(step.id());
                boolean touched = record != null && !record.holdsNothing();
                started |= touched;
                boolean done = record != null && record.completedAt() != null;
                if (done) {
                    completed++;
                } else if (next == null && step.available()) {
                    next = step;
                }
                stepTitles.add(step.title());
                stepStates.add(StepStrip.State.of(step.available(), touched, done));
                if (step.available() && record != null && record.confidence() != null) {
                    checks.add(check(
                            checks.size() + 1,
                            track,
                            step.lesson(),
                            record.confidence().value(),
                            record));
                }
            }
            if (started) {
                tracks.add(new Dashboard.TrackProgress(
                        track.title(),
                        track.slug(),
                        completed,
                        track.steps().size(),
                        Math.round(completed * 100f / track.steps().size()),
                        next == null ? null : next.title(),
                        next == null ? null : "/tracks/" + track.slug() + "/" + next.slug(),
                        StepStrip.of(stepTitles, stepStates)));
            }
        }
        PractiseCalendar calendar =
                PractiseCalendar.of(PractiseCalendar.actions(lessons.values()), LocalDate.now(ZoneOffset.UTC));
        return new Dashboard(
                tracks, cards(account, CardsPage.View.DUE).size(), checks, ConfidenceChart.of(checks), calendar);
    }

    private static Dashboard.ConfidenceCheck check(
            int number, Track track, Lesson lesson, int confidence, LessonRecord record) {
        int answered = (int) lesson.parts().quiz().stream()
                .filter(question -> record.quiz().containsKey(question.id()))
                .count();
        int correct = (int) lesson.parts().quiz().stream()
                .map(question -> record.quiz().get(question.id()))
                .filter(answer -> answer != null && answer.correct())
                .count();
        int solved = (int) lesson.exercises().stream()
                .filter(exercise -> record.exercises().containsKey(exercise.id()))
                .count();
        int quizTotal = lesson.parts().quiz().size();
        int exercisesTotal = lesson.exercises().size();
        int possible = quizTotal + exercisesTotal;
        ConfidenceVerdict verdict = ConfidenceVerdict.judge(confidence, answered + solved, correct + solved, possible);
        return new Dashboard.ConfidenceCheck(
                number,
                lesson.title(),
                "/tracks/" + track.slug() + "/" + lesson.slug(),
                confidence,
                correct,
                quizTotal,
                solved,
                exercisesTotal,
                verdict == ConfidenceVerdict.UNTESTED ? null : Math.round((correct + solved) * 100f / possible),
                verdict.cssName,
                verdict.label,
                possible == 0 ? "This lesson has no quiz or exercises to compare with." : verdict.advice);
    }

    /** A card with its lesson, its text from the content, and when it is due (null: never rated). */
    public record DueCard(
            String lessonId,
            String lessonTitle,
            String href,
            String cardId,
            String frontHtml,
            String backHtml,
            LocalDate dueOn) {}

    /**
     * The account's cards for one view of {@code /me/cards}: due today (UTC) or earlier, most overdue
     * first; ahead, the scheduled ones not due yet, soonest first; or every card of every lesson, in
     * track order, with its due date when it has one.
     */
    List<DueCard> cards(UUID account, CardsPage.View view) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, LocalDate> dueOn = new LinkedHashMap<>(); // soonest due first
        for (ProgressRepository.CardSchedule schedule : progress.schedules(account)) {
            dueOn.put(schedule.lessonId() + "/" + schedule.cardId(), schedule.dueOn());
        }
        Map<String, DueCard> all = new LinkedHashMap<>(); // track order
        for (Track track : catalog.current().tracks()) {
            for (Track.Step step : track.steps()) {
                if (!step.available()) {
                    continue;
                }
                for (Lesson.Card card : step.lesson().parts().cards()) {
                    String key = step.id() + "/" + card.id();
                    all.putIfAbsent(
                            key,
                            new DueCard(
                                    step.id(),
                                    step.lesson().title(),
                                    "/tracks/" + track.slug() + "/" + step.slug() + "#cards",
                                    card.id(),
                                    card.frontHtml(),
                                    card.backHtml(),
                                    dueOn.get(key)));
                }
            }
        }
        if (view == CardsPage.View.ALL) {
            return List.copyOf(all.values());
        }
        List<DueCard> cards = new ArrayList<>();
        dueOn.forEach((key, due) -> {
            DueCard card = all.get(key); // null: the card left the content
            boolean isDue = !due.isAfter(today);
            if (card != null && isDue == (view == CardsPage.View.DUE)) {
                cards.add(card);
            }
        });
        return cards;
    }
}
