package org.netverks.content;

import java.util.List;

/**
 * An exercise built in a test without an exercises.yaml: a query or check exercise with the
 * platform's default rules, and only the fields a test sets.
 */
public final class TestExercise {

    private final String dataset;
    private final String solution;
    private GradingRules rules = GradingRules.DEFAULT;
    private String check;
    private List<String> hiddenDatasets = List.of();
    private List<PlanAssertion> plan = List.of();

    private TestExercise(String dataset, String solution) {
        this.dataset = dataset;
        this.solution = solution;
    }

    public static TestExercise on(String dataset, String solution) {
        return new TestExercise(dataset, solution);
    }

    public TestExercise rules(GradingRules rules) {
        this.rules = rules;
        return this;
    }

    public TestExercise check(String check) {
        this.check = check;
        return this;
    }

    public TestExercise hiddenDatasets(String... names) {
        this.hiddenDatasets = List.of(names);
        return this;
    }

    public TestExercise plan(PlanAssertion... assertions) {
        this.plan = List.of(assertions);
        return this;
    }

    public Exercise build() {
        return new Exercise(
                "test",
                "Test",
                "<p>task</p>",
                "task",
                dataset,
                solution,
                rules,
                check,
                hiddenDatasets,
                plan,
                List.of(),
                List.of(),
                null,
                List.of(),
                null);
    }
}
