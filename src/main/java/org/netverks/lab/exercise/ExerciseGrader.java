package org.netverks.lab.exercise;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netverks.content.Catalog;
import org.netverks.content.Dataset;
import org.netverks.content.Exercise;
import org.netverks.lab.run.RunLimits;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.sandbox.ScratchDatabases;

/**
 * Grades an answer to an exercise: runs it on a fresh copy of the exercise's dataset (and of each
 * hidden dataset), compares the result with the reference solution's under the exercise's rules,
 * and checks the plan. The reference result is computed once per solution and dataset version.
 */
public final class ExerciseGrader {

    /** Rows of one graded result kept in memory; more than any exercise expects. */
    static final int MAX_GRADED_ROWS = 10_000;

    private final ScriptRunner runner;
    private final ScratchDatabases scratches;
    private final RunLimits limits;
    private final TimelinePlay timelines;
    private final Map<String, ResultTable> expectedResults =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ResultTable> eldest) {
                    return size() > 500;
                }
            });

    public ExerciseGrader(ScriptRunner runner, ScratchDatabases scratches, RunLimits runLimits) {
        this.runner = runner;
        this.scratches = scratches;
        this.limits = new RunLimits(
                runLimits.statementTimeout(),
                runLimits.runTimeout(),
                MAX_GRADED_ROWS,
                runLimits.maxResultBytes(),
                runLimits.maxNotices(),
                runLimits.sandboxQuotaBytes(),
                runLimits.memoryPerSessionBytes());
        // a step that waits is seen within a tenth of a second and released by the next steps, so a
        // wait in a timeline needs no longer bound than a statement
        this.timelines = new TimelinePlay(runner, scratches, limits, runLimits.statementTimeout());
    }

    /** The outcome of one check: right or not, and what the learner should know. */
    public record Verdict(boolean correct, List<Feedback> feedback) {}

    /** The reference solution could not be graded: the content is broken, not the learner's answer. */
    public static final class BrokenExercise extends RuntimeException {
        BrokenExercise(String message) {
            super(message);
        }
    }

    public Verdict grade(Exercise exercise, Catalog catalog, String sql) throws SQLException {
        Dataset dataset = dataset(catalog, exercise.dataset());
        ResultTable expected = expected(exercise, dataset);
        Attempt attempt = attempt(exercise, dataset, sql, !exercise.plan().isEmpty());
        List<Feedback> feedback = new ArrayList<>(attempt.notes());
        if (attempt.failed()) {
            feedback.addAll(attempt.failures());
            return new Verdict(false, feedback);
        }
        List<Feedback> differences =
                new ArrayList<>(ResultComparison.compare(expected, attempt.result(), exercise.rules(), false));
        if (attempt.planJson() != null) {
            differences.addAll(PlanShape.parse(attempt.planJson()).check(exercise.plan()));
        }
        if (!differences.isEmpty()) {
            feedback.addAll(differences);
            return new Verdict(false, feedback);
        }
        for (String hidden : exercise.hiddenDatasets()) {
            Dataset other = dataset(catalog, hidden);
            Attempt elsewhere = attempt(exercise, other, sql, false);
            List<Feedback> problems = elsewhere.failed()
                    ? elsewhere.failures()
                    : ResultComparison.compare(expected(exercise, other), elsewhere.result(), exercise.rules(), true);
            if (!problems.isEmpty()) {
                feedback.add(Feedback.of(
                        "other_data",
                        "Your answer is right on the lesson's data, but not on other data "
                                + "with the same tables. Does it depend on particular ids, names or row counts of the sample, "
                                + "or use LIMIT where the task asks for a condition?"));
                feedback.addAll(problems);
                return new Verdict(false, feedback);
            }
        }
        feedback.add(Feedback.of(
                "correct",
                "Correct! Your answer gives the expected result"
                        + (exercise.hiddenDatasets().isEmpty() ? "" : ", on the lesson's data and on other data")
                        + (exercise.plan().isEmpty() ? "." : ", and its plan has the shape the task asks for.")));
        return new Verdict(true, feedback);
    }

    /**
     * Grades the answer to a timeline exercise ({@code answers}: one SQL text per step the learner
     * writes): the timeline is replayed with them on a fresh copy, every step must do what it says,
     * then the check query's result is compared with the reference timeline's.
     */
    public Verdict gradeTimeline(Exercise exercise, Catalog catalog, List<String> answers) throws SQLException {
        Dataset dataset = dataset(catalog, exercise.dataset());
        ResultTable expected = expected(exercise, dataset);
        TimelinePlay.Played played = playTimeline(dataset, exercise.timeline().withAnswers(answers), exercise.check());
        if (played.broken() != null) {
            return new Verdict(false, List.of(played.broken()));
        }
        if (played.check().failed()) {
            return new Verdict(false, played.check().failures());
        }
        List<Feedback> differences =
                ResultComparison.compare(expected, played.check().result(), exercise.rules(), false);
        if (!differences.isEmpty()) {
            List<Feedback> feedback = new ArrayList<>();
            feedback.add(Feedback.of(
                    "timeline_check",
                    "Every step did what it should, but the data afterwards is not what the task asks for."));
            feedback.addAll(differences);
            return new Verdict(false, feedback);
        }
        return new Verdict(
                true,
                List.of(Feedback.of(
                        "correct",
                        "Correct! Every step did what it should, and the data afterwards is what the task asks for.")));
    }

    private TimelinePlay.Played playTimeline(
            Dataset dataset, List<org.netverks.content.Timeline.Step> steps, String check) throws SQLException {
        ScratchDatabases.Scratch scratch = scratches.take(dataset);
        try {
            return timelines.play(scratch, steps, check);
        } finally {
            scratches.discard(scratch);
        }
    }

    /** The reference result on this dataset: what every answer is compared with. */
    ResultTable expected(Exercise exercise, Dataset dataset) throws SQLException {
        String key = dataset.fingerprint() + ":" + Dataset.digest(exercise.solution(), exercise.check());
        ResultTable known = expectedResults.get(key);
        if (known != null) {
            return known;
        }
        if (exercise.timeline() != null) {
            ResultTable reference = referenceTimeline(exercise, dataset);
            expectedResults.put(key, reference);
            return reference;
        }
        Attempt reference = attempt(exercise, dataset, exercise.solution(), false);
        if (reference.failed()) {
            throw new BrokenExercise("the reference solution of '" + exercise.id() + "' fails on dataset '"
                    + dataset.name() + "': " + reference.failures().get(0).message());
        }
        if (!reference.result().complete()) {
            throw new BrokenExercise("the reference solution of '" + exercise.id() + "' returns more than "
                    + MAX_GRADED_ROWS + " rows on dataset '" + dataset.name() + "'");
        }
        expectedResults.put(key, reference.result());
        return reference.result();
    }

    /** The reference timeline must keep its own expectations; its check result is what answers are compared with. */
    private ResultTable referenceTimeline(Exercise exercise, Dataset dataset) throws SQLException {
        TimelinePlay.Played played = playTimeline(dataset, exercise.timeline().steps(), exercise.check());
        if (played.broken() != null) {
            throw new BrokenExercise("the reference timeline of '" + exercise.id() + "' breaks its own expectations: "
                    + played.broken().message());
        }
        if (played.check().failed()) {
            throw new BrokenExercise("the check query of '" + exercise.id() + "' fails after the reference timeline: "
                    + played.check().failures().get(0).message());
        }
        return played.check().result();
    }

    /**
     * Runs the SQL on pristine data. An answer to a plain query exercise first runs on the shared
     * read-only copy (no copy to make: the common case costs about as much as a lab run); only if
     * it tried to change something does it run again on a fresh copy of its own.
     */
    private Attempt attempt(Exercise exercise, Dataset dataset, String sql, boolean wantPlan) throws SQLException {
        return attempt(dataset, sql, exercise.check(), wantPlan);
    }

    /**
     * What {@code script}, then {@code check} (null: none), give on a pristine copy of the dataset:
     * for content checks that run variants of a reference solution ({@link OrderTies}).
     */
    ResultTable result(Dataset dataset, String script, String check) throws SQLException {
        Attempt attempt = attempt(dataset, script, check, false);
        if (attempt.failed()) {
            throw new BrokenExercise(attempt.failures().get(0).message());
        }
        return attempt.result();
    }

    private Attempt attempt(Dataset dataset, String sql, String check, boolean wantPlan) throws SQLException {
        if (check == null && !wantPlan) {
            Attempt reading =
                    Attempt.tryAnswer(runner, scratches, scratches.readOnly(dataset), sql, null, false, limits);
            if (!reading.deniedAWrite()) {
                return reading;
            }
        }
        ScratchDatabases.Scratch scratch = scratches.take(dataset);
        try {
            return Attempt.tryAnswer(runner, scratches, scratch, sql, check, wantPlan, limits);
        } finally {
            scratches.discard(scratch);
        }
    }

    private static Dataset dataset(Catalog catalog, String name) {
        return catalog.dataset(name).orElseThrow(() -> new BrokenExercise("the dataset '" + name + "' is not loaded"));
    }
}
