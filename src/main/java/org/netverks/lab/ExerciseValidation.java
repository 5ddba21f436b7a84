package org.netverks.lab;

import java.util.ArrayList;
import java.util.List;
import org.netverks.content.Catalog;
import org.netverks.content.ContentProblem;
import org.netverks.lab.exercise.ExerciseGrader;
import org.netverks.lab.exercise.ExerciseVerifier;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.ScratchDatabases;

/**
 * The database half of content validation, outside Spring: loads every dataset on {@code server}
 * and grades every exercise's reference solution and known-wrong answers with the lab's own
 * grader, then runs every lesson's SQL blocks ({@link LessonSqlVerifier}), all under the lab's
 * default limits.
 */
public final class ExerciseValidation {

    private ExerciseValidation() {}

    public static List<ContentProblem> gradeEveryExercise(
            Catalog catalog, SandboxServer server, int threads, java.util.function.Consumer<String> report) {
        LabProperties properties = LabProperties.defaults();
        ScriptRunner runner = new ScriptRunner(new PsqlOnSandbox(properties), new ExplainPlans());
        ScratchDatabases scratches = ScratchDatabases.direct(server, properties.statementTimeout(), threads);
        ExerciseGrader grader = new ExerciseGrader(runner, scratches, properties.runLimits());
        List<ContentProblem> problems =
                new ArrayList<>(new ExerciseVerifier(grader, scratches).verify(catalog, threads, report));
        if (problems.stream().noneMatch(problem -> problem.file().startsWith("datasets/"))) {
            // with a dataset that does not load, every lesson on it would only repeat that
            problems.addAll(new LessonSqlVerifier(runner, scratches, properties).verify(catalog, threads));
        }
        return problems;
    }
}
