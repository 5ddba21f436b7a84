package org.netverks.content;

import java.util.List;

/**
 * A graded lab exercise. {@code solution}, {@code check} and {@code knownWrong} stay on the
 * server: the page and the API show the task, the rules and how many hints there are; the
 * solution only after the learner solved it.
 *
 * @param dataset        the dataset it is graded on (the lesson's unless the file names another)
 * @param check          a query run after the learner's statements, for data- and schema-changing
 *                       tasks; null: the learner's last statement is graded
 * @param hiddenDatasets further datasets the answer must also be right on
 * @param plan           assertions on the plan of the learner's last statement
 * @param knownWrong     answers that must fail; validation proves they do
 * @param explanationHtml why the solution works and the common mistake (Markdown, rendered); shown
 *                       with the solution once solved; null when the author wrote none
 * @param alternatives   other correct solutions, shown with the solution once solved; validation
 *                       proves each passes the grader
 * @param timeline       the steps of a timeline exercise (two sessions, graded step by step), null
 *                       for an exercise answered with one script; a timeline's {@code solution} is
 *                       its reference steps as one text, its {@code alternatives} likewise
 */
public record Exercise(
        String id,
        String title,
        String taskHtml,
        String taskText,
        String dataset,
        String solution,
        GradingRules rules,
        String check,
        List<String> hiddenDatasets,
        List<PlanAssertion> plan,
        List<String> hintsHtml,
        List<KnownWrong> knownWrong,
        String explanationHtml,
        List<String> alternatives,
        Timeline timeline) {

    public Exercise {
        hiddenDatasets = List.copyOf(hiddenDatasets);
        plan = List.copyOf(plan);
        hintsHtml = List.copyOf(hintsHtml);
        knownWrong = List.copyOf(knownWrong);
        alternatives = List.copyOf(alternatives);
    }

    /**
     * An answer that must fail: {@code sql} for an exercise answered with one script, {@code
     * steps} (one per yours step) for a timeline.
     */
    public record KnownWrong(String sql, List<String> steps, String why) {

        public KnownWrong {
            steps = List.copyOf(steps);
        }

        public KnownWrong(String sql, String why) {
            this(sql, List.of(), why);
        }
    }

    /**
     * The datasets a check of this exercise runs on fresh copies of its own, copies the answer may
     * change: its own dataset when a check query follows the answer or the plan is asserted, the
     * hidden ones too when a check query does (otherwise those are read on shared read-only copies).
     * This is what {@code lab.exercise.ExerciseGrader} does; the lab keeps such copies ready for it.
     */
    public List<String> datasetsCheckedOnFreshCopies() {
        if (timeline != null) {
            return List.of(dataset);
        }
        if (check != null) {
            List<String> datasets = new java.util.ArrayList<>(List.of(dataset));
            datasets.addAll(hiddenDatasets);
            return List.copyOf(datasets);
        }
        return plan.isEmpty() ? List.of() : List.of(dataset);
    }

    /** The grading rules in plain words, as the learner reads them beside the task. */
    public List<String> rulesInWords() {
        List<String> words = new java.util.ArrayList<>(rules.inWords());
        if (timeline != null) {
            words.add(
                    0,
                    "Graded by replaying the timeline, your steps included, on a fresh copy of the dataset with two "
                            + "sessions: every step must do what it says (complete, wait or fail), then the data is "
                            + "compared. Your own sandbox is not changed.");
        } else if (check != null) {
            words.add(
                    0,
                    "Graded by looking at the data after your statements ran on a fresh copy of the dataset; "
                            + "your own sandbox is not changed.");
        } else {
            words.add(
                    0,
                    "Graded on the result of your last statement, run on a fresh copy of the dataset "
                            + "(whatever you changed in your sandbox).");
        }
        plan.forEach(assertion -> words.add(assertion.inWords()));
        if (!hiddenDatasets.isEmpty()) {
            words.add("Your SQL is also run on other data with the same tables: it must not depend on the "
                    + "sample's particular rows.");
        }
        return List.copyOf(words);
    }
}
