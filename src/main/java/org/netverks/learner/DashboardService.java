package org.netverks.learner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Lesson;
import org.netverks.content.Track;
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

    @SuppressWarnings("unchecked")
    Dashboard dashboard(UUID account) {
        Map<String, Map<String, Object>> lessons =
                (Map<String, Map<String, Object>>) progress.load(account).get("lessons");
        List<Dashboard.TrackProgress> tracks = new ArrayList<>();
        List<Dashboard.ConfidenceCheck> checks = new ArrayList<>();
        for (Track track : catalog.current().tracks()) {
            int completed = 0;
            Track.Step next = null;
            boolean started = false;
            for (Track.Step step : track.steps()) {
                Map<String, Object> record = lessons.getOrDefault(step.id(), Map.of());
                started |= !record.isEmpty();
                if (record.get("completedAt") != null) {
                    completed++;
                } else if (next == null && step.available()) {
                    next = step;
                }
                if (step.available() && record.get("confidence") instanceof Map<?, ?> confidence) {
                    checks.add(check(track, step.lesson(), ((Number) confidence.get("value")).intValue(), record));
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
                        next == null ? null : "/tracks/" + track.slug() + "/" + next.slug()));
            }
        }
        return new Dashboard(tracks, dueCards(account).size(), checks);
    }

    private static Dashboard.ConfidenceCheck check(
            Track track, Lesson lesson, int confidence, Map<String, Object> record) {
        Map<?, ?> quiz = record.get("quiz") instanceof Map<?, ?> answers ? answers : Map.of();
        int correct = (int) lesson.parts().quiz().stream()
                .filter(question -> quiz.get(question.id()) instanceof Map<?, ?> answer
                        && Boolean.TRUE.equals(answer.get("correct")))
                .count();
        Map<?, ?> solvedMap = record.get("exercises") instanceof Map<?, ?> solved ? solved : Map.of();
        int solved = (int) lesson.exercises().stream()
                .filter(exercise -> solvedMap.containsKey(exercise.id()))
                .count();
        int quizTotal = lesson.parts().quiz().size();
        int exercisesTotal = lesson.exercises().size();
        int possible = quizTotal + exercisesTotal;
        double evidence = possible == 0 ? -1 : (correct + solved) / (double) possible;
        String verdict = "fits";
        String advice = "Your rating and your results agree.";
        if (possible == 0) {
            advice = "This lesson has no quiz or exercises to compare with.";
        } else if (confidence >= 4 && evidence < 0.5) {
            verdict = "over";
            advice = "You feel sure, but your results are lower: worth another look before an interview.";
        } else if (confidence <= 2 && evidence >= 0.8) {
            verdict = "under";
            advice = "Your results are better than you think.";
        }
        return new Dashboard.ConfidenceCheck(
                lesson.title(),
                "/tracks/" + track.slug() + "/" + lesson.slug(),
                confidence,
                correct,
                quizTotal,
                solved,
                exercisesTotal,
                verdict,
                advice);
    }

    public record DueCard(
            String lessonId,
            String lessonTitle,
            String href,
            String cardId,
            String frontHtml,
            String backHtml,
            LocalDate dueOn) {}

    /** The account's cards due today (UTC) or earlier, most overdue first, with their text from the content. */
    List<DueCard> dueCards(UUID account) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<DueCard> due = new ArrayList<>();
        for (ProgressService.CardSchedule schedule : progress.schedules(account)) {
            if (schedule.dueOn().isAfter(today)) {
                continue;
            }
            for (Track track : catalog.current().tracks()) {
                track.steps().stream()
                        .filter(step -> step.available() && step.id().equals(schedule.lessonId()))
                        .forEach(step -> step.lesson().parts().cards().stream()
                                .filter(card -> card.id().equals(schedule.cardId()))
                                .findFirst()
                                .ifPresent(card -> due.add(new DueCard(
                                        step.id(),
                                        step.lesson().title(),
                                        "/tracks/" + track.slug() + "/" + step.slug() + "#cards",
                                        card.id(),
                                        card.frontHtml(),
                                        card.backHtml(),
                                        schedule.dueOn()))));
            }
        }
        return due;
    }
}
