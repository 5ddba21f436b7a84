package org.netverks.lab;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Exercise;
import org.netverks.content.Lesson;
import org.netverks.content.Timeline;
import org.netverks.lab.exercise.ExerciseGrader;
import org.netverks.lab.exercise.Feedback;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.sandbox.SandboxService;
import org.netverks.lab.sandbox.SandboxUnavailableException;
import org.netverks.learner.CurrentLearner;
import org.netverks.learner.ExerciseAttempts;
import org.netverks.web.BadRequestException;
import org.netverks.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Graded exercises: list them (the solution, its explanation and the alternative solutions only
 * once solved), grade an answer on fresh copies of the data, reveal hints one at a time. Grading
 * is bounded like a run, and a few checks at a time per app instance keep one busy lesson from
 * starving the others.
 */
@Service
class ExerciseService {

    private static final Logger log = LoggerFactory.getLogger(ExerciseService.class);

    private final ContentCatalog catalog;
    private final LabProperties properties;
    private final ExerciseGrader grader;
    private final ExerciseAttempts attempts;
    private final LabMetrics metrics;
    private final Semaphore gradingSlots;
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    ExerciseService(
            ContentCatalog catalog,
            SandboxService sandboxes,
            ScriptRunner runner,
            LabProperties properties,
            ExerciseAttempts attempts,
            LabMetrics metrics) {
        this.catalog = catalog;
        this.properties = properties;
        this.grader = new ExerciseGrader(runner, sandboxes, properties.runLimits());
        this.attempts = attempts;
        this.metrics = metrics;
        this.gradingSlots = new Semaphore(properties.maxConcurrentChecks(), true);
    }

    /** What the learner has done with an exercise in this session. */
    record Progress(int hintsRevealed, boolean solved) {
        static final Progress NONE = new Progress(0, false);
    }

    /**
     * {@code timeline}: the steps of a timeline exercise, null for one answered with a script; a
     * step the learner writes shows its SQL only once the exercise is solved.
     */
    record ExerciseView(
            String id,
            String title,
            String taskHtml,
            List<String> rules,
            int hints,
            List<String> revealedHints,
            boolean solved,
            String solution,
            String explanationHtml,
            List<String> alternatives,
            List<TimelineStepView> timeline) {}

    record TimelineStepView(
            int number, String session, String sql, boolean yours, String prompt, String expect, String then) {

        static List<TimelineStepView> of(Timeline timeline, boolean solved) {
            if (timeline == null) {
                return null;
            }
            return timeline.steps().stream()
                    .map(step -> new TimelineStepView(
                            step.number(),
                            step.session(),
                            step.yours() && !solved ? null : step.sql(),
                            step.yours(),
                            step.prompt(),
                            step.expect() == null ? null : step.expect().words(),
                            step.then() == null ? null : step.then().words()))
                    .toList();
        }
    }

    /** An answer: one script, or for a timeline one SQL text per step the learner writes. */
    record Answer(String sql, List<String> steps) {
        static Answer ofSql(String sql) {
            return new Answer(sql, null);
        }

        static Answer ofSteps(List<String> steps) {
            return new Answer(null, steps);
        }
    }

    /**
     * {@code solution}, {@code explanationHtml} and {@code alternatives} are null until the
     * exercise is solved (and {@code explanationHtml} when the author wrote none). {@code attempt}
     * is this check as the workspace's history shows it: kept in a signed-in learner's account,
     * and for anyone so that the browser can add it to the history it keeps.
     */
    record CheckResponse(
            String exerciseId,
            boolean correct,
            List<Feedback> feedback,
            String solution,
            String explanationHtml,
            List<String> alternatives,
            ExerciseAttempts.Attempt attempt) {}

    record HintResponse(String exerciseId, int number, int total, String hintHtml) {}

    List<ExerciseView> list(
            String trackSlug, String lessonSlug, java.util.function.Function<String, Progress> progress) {
        Lesson lesson = lesson(trackSlug, lessonSlug);
        return lesson.exercises().stream()
                .map(exercise -> {
                    Progress mine = progress.apply(exercise.id());
                    int revealed =
                            Math.min(mine.hintsRevealed(), exercise.hintsHtml().size());
                    return new ExerciseView(
                            exercise.id(),
                            exercise.title(),
                            exercise.taskHtml(),
                            exercise.rulesInWords(),
                            exercise.hintsHtml().size(),
                            exercise.hintsHtml().subList(0, revealed),
                            mine.solved(),
                            mine.solved() ? exercise.solution() : null,
                            mine.solved() ? exercise.explanationHtml() : null,
                            mine.solved() ? exercise.alternatives() : null,
                            TimelineStepView.of(exercise.timeline(), mine.solved()));
                })
                .toList();
    }

    /** Grades the answer; a signed-in learner's attempt is kept in their account ({@link ExerciseAttempts}). */
    CheckResponse check(
            String trackSlug,
            String lessonSlug,
            String exerciseId,
            Answer answer,
            String learnerKey,
            Optional<CurrentLearner> learner)
            throws SQLException {
        Lesson lesson = lesson(trackSlug, lessonSlug);
        Exercise exercise = exercise(lesson, exerciseId);
        String sql = answerText(exercise, answer);
        long start = System.nanoTime();
        String outcome = "error";
        try {
            CheckResponse response = grade(trackSlug, lesson, exercise, answer, sql, learnerKey, learner);
            outcome = response.correct() ? "passed" : "failed";
            return response;
        } catch (LabRefusal | SandboxUnavailableException e) {
            // a check that could not be graded (a broken exercise, an interruption) is no limit's doing
            boolean failed = e instanceof LabRefusal refusal && refusal.kind() == LabRefusal.Kind.GRADING_FAILED;
            outcome = failed ? "error" : "refused";
            throw e;
        } finally {
            metrics.check(outcome, System.nanoTime() - start);
        }
    }

    private CheckResponse grade(
            String trackSlug,
            Lesson lesson,
            Exercise exercise,
            Answer answer,
            String sql,
            String learnerKey,
            Optional<CurrentLearner> learner)
            throws SQLException {
        LabRefusal.requireSqlWithin(sql, properties, "check");
        if (!checking.add(learnerKey)) {
            throw new LabRefusal(
                    LabRefusal.Kind.CHECK_IN_PROGRESS,
                    "Your previous check is still being graded. Wait for its result, " + "then check again.");
        }
        try {
            if (!gradingSlots.tryAcquire(properties.checkQueueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LabRefusal(
                        LabRefusal.Kind.GRADING_BUSY,
                        "Many answers are being graded right now. " + "Try again in a few seconds (grading capacity).");
            }
            ExerciseGrader.Verdict verdict;
            try {
                verdict = exercise.timeline() != null
                        ? grader.gradeTimeline(exercise, catalog.current(), answer.steps())
                        : grader.grade(exercise, catalog.current(), sql);
            } finally {
                gradingSlots.release();
            }
            String firstFeedback = verdict.feedback().isEmpty()
                    ? null
                    : verdict.feedback().get(0).message();
            return new CheckResponse(
                    exercise.id(),
                    verdict.correct(),
                    verdict.feedback(),
                    verdict.correct() ? exercise.solution() : null,
                    verdict.correct() ? exercise.explanationHtml() : null,
                    verdict.correct() ? exercise.alternatives() : null,
                    attempts.record(learner, lesson.id(), exercise.id(), sql, verdict.correct(), firstFeedback));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabRefusal(LabRefusal.Kind.GRADING_FAILED, "The check was interrupted; please try again.");
        } catch (ExerciseGrader.BrokenExercise e) {
            log.error(
                    "Exercise {}/{}/{} cannot be graded: {}", trackSlug, lesson.slug(), exercise.id(), e.getMessage());
            throw new LabRefusal(
                    LabRefusal.Kind.GRADING_FAILED,
                    "This exercise cannot be graded just now: its reference answer "
                            + "failed on the server. The lab's operators can see why in the server log.");
        } finally {
            checking.remove(learnerKey);
        }
    }

    /**
     * The answer as one text (what the size limit and the attempts history see), once it is the
     * kind the exercise asks for: steps for a timeline, a script otherwise.
     */
    private static String answerText(Exercise exercise, Answer answer) {
        Timeline timeline = exercise.timeline();
        if (timeline == null) {
            if (answer.sql() == null) {
                throw new BadRequestException(
                        "This exercise is answered with one script: send it as {\"sql\": \"select …\"}.");
            }
            return answer.sql();
        }
        int yours = timeline.yours().size();
        if (answer.steps() == null) {
            throw new BadRequestException("This exercise is a timeline: send your " + yours
                    + " step(s) as {\"steps\": [\"…\"]}, one SQL text per step you write, in order.");
        }
        if (answer.steps().size() != yours) {
            throw new BadRequestException("This timeline has " + yours + " step(s) for you to write; your answer has "
                    + answer.steps().size() + ".");
        }
        for (int i = 0; i < yours; i++) {
            String step = answer.steps().get(i);
            if (step == null || step.isBlank()) {
                throw new BadRequestException("Step " + timeline.yours().get(i).number()
                        + " is empty: write the SQL it asks for, then check again.");
            }
        }
        return timeline.answersAsScript(answer.steps());
    }

    /** The hint after the {@code revealed} ones already shown. */
    HintResponse hint(String trackSlug, String lessonSlug, String exerciseId, int revealed) {
        Exercise exercise = exercise(trackSlug, lessonSlug, exerciseId);
        List<String> hints = exercise.hintsHtml();
        if (hints.isEmpty()) {
            throw new LabRefusal(LabRefusal.Kind.NO_MORE_HINTS, "This exercise has no hints.");
        }
        if (revealed >= hints.size()) {
            throw new LabRefusal(
                    LabRefusal.Kind.NO_MORE_HINTS, "You have seen all " + hints.size() + " hints of this exercise.");
        }
        return new HintResponse(exercise.id(), revealed + 1, hints.size(), hints.get(revealed));
    }

    private Exercise exercise(String trackSlug, String lessonSlug, String exerciseId) {
        return exercise(lesson(trackSlug, lessonSlug), exerciseId);
    }

    private static Exercise exercise(Lesson lesson, String exerciseId) {
        return lesson.exercise(exerciseId)
                .orElseThrow(() -> new NotFoundException(
                        "The lesson “" + lesson.title() + "” has no exercise '" + exerciseId + "'."));
    }

    private Lesson lesson(String trackSlug, String lessonSlug) {
        return LabLessons.withLab(catalog.current(), trackSlug, lessonSlug);
    }
}
