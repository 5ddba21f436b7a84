package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exercise fields of issue 12: explanation and alternatives, file-wide rule defaults, kinds
 * per column, relative tolerance, and order columns by position where names do not count.
 */
class ExerciseLoaderTest {

    private static final String EXERCISES = "tracks/sample/lessons/one/exercises.yaml";

    private final ContentLoader loader = new ContentLoader();

    private Catalog load(String exercises) {
        return loader.load(files(exercises));
    }

    private List<String> problems(String exercises) {
        return ((InvalidContentException) org.assertj.core.api.Assertions.catchThrowable(() -> load(exercises)))
                .problems().stream().map(ContentProblem::toString).toList();
    }

    private static ContentFiles files(String exercises) {
        Map<String, String> files = new java.util.HashMap<>(FixtureContent.files());
        files.put(EXERCISES, exercises);
        return new ContentFiles("fixture", files);
    }

    private static Exercise exercise(Catalog catalog, String id) {
        return catalog.lesson("sample", "one")
                .orElseThrow()
                .lesson()
                .exercise(id)
                .orElseThrow();
    }

    @Test
    void anExplanationAndAlternativesLoadWithTheExercise() {
        Catalog catalog = load(
                """
                exercises:
                  - id: ids
                    title: All ids
                    task: Return `id`.
                    solution: select id from t
                    explanation: |
                      Every row has an `id`. The common mistake is *filtering*.
                    alternatives:
                      - select t.id from t
                      - |
                        select id
                        from t as t
                  - id: plain
                    title: Plain
                    task: Return `id`.
                    solution: select id from t
                """);
        Exercise ids = exercise(catalog, "ids");
        assertThat(ids.explanationHtml())
                .isEqualTo("<p>Every row has an <code>id</code>. The common mistake is <em>filtering</em>.</p>\n");
        assertThat(ids.alternatives()).containsExactly("select t.id from t", "select id\nfrom t as t");
        Exercise plain = exercise(catalog, "plain");
        assertThat(plain.explanationHtml()).isNull();
        assertThat(plain.alternatives()).isEmpty();
    }

    @Test
    void fileDefaultsApplyToEveryExerciseAndItsOwnRulesOverrideFieldByField() {
        Catalog catalog = load(
                """
                defaults:
                  rules: {column_names: ignore, tolerance: 0.01, order: [1]}
                exercises:
                  - id: inherits
                    title: Inherits
                    task: Return `id`.
                    solution: select id from t order by id
                  - id: overrides
                    title: Overrides
                    task: Return `id`.
                    solution: select id from t order by id
                    rules: {order: none, tolerance: 1e-9 relative}
                """);
        assertThat(exercise(catalog, "inherits").rules())
                .isEqualTo(new GradingRules(
                        GradingRules.RowOrder.BY_COLUMNS,
                        List.of("1"),
                        false,
                        GradingRules.TypePolicy.CATEGORY,
                        new BigDecimal("0.01")));
        GradingRules overridden = exercise(catalog, "overrides").rules();
        assertThat(overridden.order()).isEqualTo(GradingRules.RowOrder.NONE);
        assertThat(overridden.orderColumns()).isEmpty();
        assertThat(overridden.columnNamesMatter()).as("from the defaults").isFalse();
        assertThat(overridden.tolerance()).isEqualByComparingTo("1e-9");
        assertThat(overridden.relativeTolerance()).isTrue();
        assertThat(exercise(catalog, "inherits").rulesInWords())
                .contains("Rows must be sorted by the 1st column as the task asks; rows that tie on it may come in "
                        + "any order.");
    }

    @Test
    void kindsPerColumnAndARelativeToleranceAreSaidInWords() {
        Catalog catalog = load(
                """
                exercises:
                  - id: days
                    title: Days
                    task: Return `day`, `total` and `share`.
                    solution: select current_date as day, 1 as total, 0.5 as share order by total, day
                    rules:
                      types: {day: [date, timestamp, timestamptz], total: number}
                      tolerance: 0.001 relative
                      order: [total, day]
                  - id: by-position
                    title: By position
                    task: Return the day and the total.
                    solution: select current_date as day, 1 as total order by 2, 1
                    rules: {column_names: ignore, types: {1: [date, timestamp]}, order: [2, 1]}
                """);
        Exercise days = exercise(catalog, "days");
        assertThat(days.rules().columnKinds())
                .containsExactly(
                        Map.entry(
                                "day",
                                List.of(
                                        GradingRules.ColumnKind.DATE,
                                        GradingRules.ColumnKind.TIMESTAMP,
                                        GradingRules.ColumnKind.TIMESTAMPTZ)),
                        Map.entry("total", List.of(GradingRules.ColumnKind.NUMBER)));
        assertThat(days.rulesInWords())
                .contains(
                        "Rows must be sorted by total, then day as the task asks; rows that tie on them may come in any order.",
                        "Column “day” may be a date, a timestamp or a timestamp with time zone.",
                        "Column “total” may be a number.",
                        "Every other column must be of the right kind (a number, text, a date…); any numeric type will do for a number.",
                        "Numbers within 0.1 % of the expected value count as equal.");
        assertThat(exercise(catalog, "by-position").rulesInWords())
                .contains(
                        "Rows must be sorted by the 2nd column, then the 1st column as the task asks; rows that tie on "
                                + "them may come in any order.",
                        "The 1st column may be a date or a timestamp.")
                .noneMatch(words -> words.contains("total") || words.contains("day"));
        assertThat(new GradingRules(
                                GradingRules.RowOrder.NONE,
                                List.of(),
                                true,
                                GradingRules.TypePolicy.CATEGORY,
                                new BigDecimal("1e-9"),
                                true,
                                Map.of())
                        .inWords())
                .contains("Numbers count as equal when they differ by at most 1e-9 times the expected value, so tiny "
                        + "floating-point differences do not matter.");
    }

    @Test
    void everyBadNewValueIsNamedWithFileAndField() {
        assertThat(
                        problems(
                                """
                defaults:
                  rules: {order: sideways}
                  colour: red
                exercises:
                  - id: bad
                    title: Bad
                    task: Return `id`.
                    solution: select id from t
                    explanation: ""
                    alternatives: [select id from t, 7, ""]
                    rules:
                      types: {day: [date, datetime], total: []}
                      tolerance: 2 relative
                  - id: names
                    title: Names
                    task: Return `id`.
                    solution: select id from t order by id
                    rules: {column_names: ignore, order: [id], types: {id: number}}
                  - id: empty-types
                    title: Empty types
                    task: Return `id`.
                    solution: select id from t
                    rules: {types: {}, tolerance: lots relative, order: [0]}
                """))
                .containsExactlyInAnyOrder(
                        EXERCISES + ": defaults.colour: unknown field (allowed: rules)",
                        EXERCISES
                                + ": defaults.rules.order: 'sideways' is not none, total, or a list of column names like [total, name]",
                        EXERCISES + ": exercises[0].explanation: must not be empty",
                        EXERCISES + ": exercises[0].alternatives[1]: must be non-empty text, not '7'",
                        EXERCISES + ": exercises[0].alternatives[2]: must be non-empty text, not text",
                        EXERCISES
                                + ": exercises[0].rules.types.day: 'datetime' is not a kind of value (known: number, text, "
                                + "date, timestamp, timestamptz, time, interval, boolean, json, uuid)",
                        EXERCISES
                                + ": exercises[0].rules.types.total: lists no kind: write one or more of number, text, date, "
                                + "timestamp, timestamptz, time, interval, boolean, json, uuid",
                        EXERCISES
                                + ": exercises[0].rules.tolerance: '2 relative' is not a relative tolerance: write a share of "
                                + "the expected value from 0 to below 1, like 1e-9 relative (or a number for an absolute distance)",
                        EXERCISES
                                + ": exercises[2].rules.order[0]: must be a column name or a column position from 1, not '0'",
                        EXERCISES
                                + ": exercises[2].rules.order: lists no columns: write none, total, or a list of column names",
                        EXERCISES
                                + ": exercises[1].rules.order: names the column 'id', but with column_names: ignore the "
                                + "learner's names do not count: give its position instead (as in ORDER BY 2)",
                        EXERCISES
                                + ": exercises[1].rules.types: names the column 'id', but with column_names: ignore the "
                                + "learner's names do not count: give its position instead (2: [date, timestamp])",
                        EXERCISES
                                + ": exercises[2].rules.types: lists no column: write category, exact, ignore, or {column: [kind, …]}",
                        EXERCISES
                                + ": exercises[2].rules.tolerance: 'lots relative' is not a relative tolerance: write a share of "
                                + "the expected value from 0 to below 1, like 1e-9 relative (or a number for an absolute distance)");
    }
}
