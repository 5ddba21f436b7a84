package org.netverks.lab.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.netverks.content.Catalog;
import org.netverks.content.ContentProblem;
import org.netverks.content.Dataset;
import org.netverks.content.Exercise;
import org.netverks.content.GradingRules;
import org.netverks.content.Track;
import org.netverks.lab.sandbox.DatasetLoadException;
import org.netverks.lab.sandbox.ScratchDatabases;

/**
 * Content CI for exercises: every dataset loads, every reference solution and every alternative
 * solution passes the grader (on hidden datasets and plan assertions too), every known-wrong
 * answer fails, and the task names the columns it will be graded on.
 */
public final class ExerciseVerifier {

    private final ExerciseGrader grader;
    private final ScratchDatabases scratches;
    /** What passed already: checked again only when it (or its data) changed. See {@link #passedKey}. */
    private final java.util.Set<Object> passed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ExerciseVerifier(ExerciseGrader grader, ScratchDatabases scratches) {
        this.grader = grader;
        this.scratches = scratches;
    }

    /**
     * Every problem found, each naming the exercise file and exercise; empty when all is well.
     * {@code report} is told why each known-wrong answer fails.
     */
    public List<ContentProblem> verify(Catalog catalog, int threads, java.util.function.Consumer<String> report) {
        List<ContentProblem> problems = new ArrayList<>();
        for (Dataset dataset : catalog.datasets().values()) {
            if (passed.contains(dataset.fingerprint())) {
                continue;
            }
            try {
                scratches.discard(scratches.take(dataset));
                passed.add(dataset.fingerprint());
            } catch (RuntimeException e) {
                problems.add(doesNotLoad(dataset, e));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<ContentProblem>>> results = new ArrayList<>();
            for (Track track : catalog.tracks()) {
                for (Track.Step step : track.steps()) {
                    if (!step.available()) {
                        continue;
                    }
                    String file = "tracks/" + track.slug() + "/lessons/" + step.slug() + "/exercises.yaml";
                    for (Exercise exercise : step.lesson().exercises()) {
                        Object key = passedKey(catalog, exercise);
                        if (passed.contains(key)) {
                            continue;
                        }
                        results.add(pool.submit(() -> {
                            List<ContentProblem> found = verify(catalog, file, exercise, report);
                            if (found.isEmpty()) {
                                passed.add(key);
                            }
                            return found;
                        }));
                    }
                }
            }
            for (Future<List<ContentProblem>> result : results) {
                problems.addAll(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new ContentProblem("exercises", "", "verification was interrupted"));
        } catch (ExecutionException e) {
            problems.add(new ContentProblem("exercises", "", "verification failed: " + e.getCause()));
        } finally {
            pool.shutdownNow();
        }
        return problems;
    }

    /**
     * A script that failed names its file and line, as PostgreSQL's message does not; a file
     * another dataset lends (an inherited data.sql) also says which dataset was loading.
     */
    private static ContentProblem doesNotLoad(Dataset dataset, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatasetLoadException failed) {
                String folder = "datasets/" + dataset.name() + "/";
                return new ContentProblem(
                        failed.file(),
                        failed.line() > 0 ? "line " + failed.line() : "",
                        failed.error() + (failed.file().startsWith(folder) ? "" : " (loading " + folder + ")"));
            }
        }
        return new ContentProblem("datasets/" + dataset.name(), "", "does not load: " + e.getMessage());
    }

    /** An exercise with the versions of the data it is graded on: its outcome depends on nothing else. */
    private static Object passedKey(Catalog catalog, Exercise exercise) {
        List<Object> key = new ArrayList<>();
        key.add(exercise);
        key.add(catalog.dataset(exercise.dataset()).map(Dataset::fingerprint).orElse(""));
        for (String hidden : exercise.hiddenDatasets()) {
            key.add(catalog.dataset(hidden).map(Dataset::fingerprint).orElse(""));
        }
        return key;
    }

    private List<ContentProblem> verify(
            Catalog catalog, String file, Exercise exercise, java.util.function.Consumer<String> report)
            throws Exception {
        if (exercise.timeline() != null) {
            return verifyTimeline(catalog, file, exercise, report);
        }
        List<ContentProblem> problems = new ArrayList<>();
        String field = "exercises[" + exercise.id() + "]";
        try {
            ResultTable expected = grader.expected(
                    exercise, catalog.dataset(exercise.dataset()).orElseThrow());
            if (exercise.rules().columnNamesMatter()) {
                for (String column : expected.names()) {
                    if (!exercise.taskText().contains(column)) {
                        problems.add(
                                new ContentProblem(
                                        file,
                                        field + ".task",
                                        "does not name the column '" + column
                                                + "', yet column names must match: say it in the task (or set column_names: ignore)"));
                    }
                }
            }
            if (exercise.rules().order() == GradingRules.RowOrder.BY_COLUMNS) {
                for (String column : exercise.rules().orderColumns()) {
                    if (GradingRules.columnIndex(column, expected.names()) < 0) {
                        problems.add(new ContentProblem(
                                file,
                                field + ".rules.order",
                                "'" + column + "' is not a column of the solution's result ("
                                        + String.join(", ", expected.names()) + ")"));
                    }
                }
            }
            problems.addAll(orderTies(catalog, file, exercise, report));
            ExerciseGrader.Verdict reference = grader.grade(exercise, catalog, exercise.solution());
            if (!reference.correct()) {
                problems.add(new ContentProblem(
                        file, field + ".solution", "does not pass its own grader: " + messages(reference)));
            }
            for (String column : exercise.rules().columnKinds().keySet()) {
                if (GradingRules.columnIndex(column, expected.names()) < 0) {
                    problems.add(new ContentProblem(
                            file,
                            field + ".rules.types." + column,
                            "is not a column of the solution's result (" + String.join(", ", expected.names()) + ")"));
                }
            }
            problems.addAll(alternatives(
                    file, field, exercise.alternatives(), alternative -> grader.grade(exercise, catalog, alternative)));
            problems.addAll(knownWrong(
                    file,
                    field,
                    exercise,
                    report,
                    "tighten the rules, add a hidden dataset, or fix the answer",
                    wrong -> grader.grade(exercise, catalog, wrong.sql())));
        } catch (ExerciseGrader.BrokenExercise e) {
            problems.add(new ContentProblem(file, field, e.getMessage()));
        }
        return problems;
    }

    /**
     * A timeline: the reference timeline keeps its own expectations (which grading it checks),
     * every alternative passes, every known-wrong answer fails.
     */
    private List<ContentProblem> verifyTimeline(
            Catalog catalog, String file, Exercise exercise, java.util.function.Consumer<String> report)
            throws java.sql.SQLException {
        List<ContentProblem> problems = new ArrayList<>();
        String field = "exercises[" + exercise.id() + "]";
        try {
            ExerciseGrader.Verdict reference =
                    grader.gradeTimeline(exercise, catalog, exercise.timeline().referenceAnswers());
            if (!reference.correct()) {
                problems.add(new ContentProblem(
                        file, field + ".timeline", "does not pass its own grader: " + messages(reference)));
            }
            problems.addAll(alternatives(
                    file,
                    field,
                    exercise.timeline().alternatives(),
                    steps -> grader.gradeTimeline(exercise, catalog, steps)));
            problems.addAll(knownWrong(
                    file,
                    field,
                    exercise,
                    report,
                    "tighten the expectations or the check, or fix the answer",
                    wrong -> grader.gradeTimeline(exercise, catalog, wrong.steps())));
        } catch (ExerciseGrader.BrokenExercise e) {
            problems.add(new ContentProblem(file, field, e.getMessage()));
        }
        return problems;
    }

    /** Grades one answer: a script, or a timeline's steps. */
    private interface Answering<A> {
        ExerciseGrader.Verdict of(A answer) throws java.sql.SQLException;
    }

    /** Every alternative answer must pass the grader. */
    private static <A> List<ContentProblem> alternatives(
            String file, String field, List<A> alternatives, Answering<A> grading) throws java.sql.SQLException {
        List<ContentProblem> problems = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            ExerciseGrader.Verdict verdict = grading.of(alternatives.get(i));
            if (!verdict.correct()) {
                problems.add(new ContentProblem(
                        file, field + ".alternatives[" + i + "]", "does not pass the grader: " + messages(verdict)));
            }
        }
        return problems;
    }

    /** Grades one known-wrong answer. */
    private interface Grading {
        ExerciseGrader.Verdict of(Exercise.KnownWrong wrong) throws java.sql.SQLException;
    }

    /** Every known-wrong answer must fail; {@code report} is told why each does. */
    private static List<ContentProblem> knownWrong(
            String file,
            String field,
            Exercise exercise,
            java.util.function.Consumer<String> report,
            String fix,
            Grading grading)
            throws java.sql.SQLException {
        List<ContentProblem> problems = new ArrayList<>();
        for (int i = 0; i < exercise.knownWrong().size(); i++) {
            Exercise.KnownWrong wrong = exercise.knownWrong().get(i);
            ExerciseGrader.Verdict verdict = grading.of(wrong);
            report.accept(file + ": " + field + ".known_wrong[" + i + "] (" + wrong.why() + ") → "
                    + (verdict.correct() ? "PASSES" : messages(verdict)));
            if (verdict.correct()) {
                problems.add(new ContentProblem(
                        file,
                        field + ".known_wrong[" + i + "]",
                        "passes the grader, but it is listed as wrong (" + wrong.why() + "): " + fix));
            }
        }
        return problems;
    }

    /** An order rule that a correct answer breaking a tie the other way would fail, on any of the exercise's datasets. */
    private List<ContentProblem> orderTies(
            Catalog catalog, String file, Exercise exercise, java.util.function.Consumer<String> report)
            throws java.sql.SQLException {
        List<ContentProblem> problems = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        datasets.add(exercise.dataset());
        datasets.addAll(exercise.hiddenDatasets());
        for (String name : datasets) {
            Dataset dataset = catalog.dataset(name).orElseThrow();
            ResultTable reference = grader.expected(exercise, dataset);
            try {
                OrderTies.find(grader, exercise, dataset, reference)
                        .ifPresent(why -> problems.add(
                                new ContentProblem(file, "exercises[" + exercise.id() + "].rules.order", why)));
            } catch (ExerciseGrader.BrokenExercise e) {
                // the solution itself runs (expected() says so): only the appended tie-breakers failed
                report.accept(file + ": exercises[" + exercise.id() + "]: could not check the order for ties on '"
                        + name + "': " + e.getMessage());
            }
        }
        return problems;
    }

    private static String messages(ExerciseGrader.Verdict verdict) {
        return String.join(
                " / ", verdict.feedback().stream().map(Feedback::message).toList());
    }
}
