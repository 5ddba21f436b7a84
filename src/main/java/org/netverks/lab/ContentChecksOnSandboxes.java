package org.netverks.lab;

import java.util.List;
import org.netverks.content.Catalog;
import org.netverks.content.ContentDatabaseCheck;
import org.netverks.content.ContentProblem;
import org.netverks.lab.exercise.ExerciseGrader;
import org.netverks.lab.exercise.ExerciseVerifier;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.sandbox.SandboxService;

/**
 * What {@code validate} checks in a database, run by a content reload on the app's own sandbox
 * servers with the lab's own grader and limits. Exercises and datasets that already passed in this
 * process (unchanged, on unchanged data) are not checked again, so reloading after editing one
 * exercise costs about one exercise.
 */
@org.springframework.stereotype.Component
class ContentChecksOnSandboxes implements ContentDatabaseCheck {

    /** Checks at a time: a reload should not take every grading slot from learners. */
    private static final int THREADS = 2;

    private final ExerciseVerifier verifier;

    ContentChecksOnSandboxes(SandboxService sandboxes, ScriptRunner runner, LabProperties properties) {
        this.verifier = new ExerciseVerifier(new ExerciseGrader(runner, sandboxes, properties.runLimits()), sandboxes);
    }

    @Override
    public List<ContentProblem> problems(Catalog catalog) {
        try {
            return verifier.verify(catalog, THREADS, line -> {});
        } catch (RuntimeException e) {
            return List.of(new ContentProblem(
                    "datasets and exercises",
                    "",
                    "could not be checked on the lab's sandbox server: " + e.getMessage()));
        }
    }
}
