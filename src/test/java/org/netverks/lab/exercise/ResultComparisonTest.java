package org.netverks.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.content.GradingRules;
import org.netverks.content.GradingRules.ColumnKind;
import org.netverks.content.GradingRules.RowOrder;
import org.netverks.content.GradingRules.TypePolicy;
import org.netverks.lab.run.StatementResult;

/**
 * The comparison on its own, without a database: results are written as PostgreSQL's text, the
 * way the grader receives them. GradingRulesTest runs the same rules on real PostgreSQL.
 */
class ResultComparisonTest {

    private static ResultTable table(List<String> names, List<String> types, List<List<String>> rows) {
        List<StatementResult.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new StatementResult.Column(names.get(i), types.get(i)));
        }
        return new ResultTable(columns, rows, rows.size());
    }

    /** A one-column table. */
    private static ResultTable column(String name, String type, String... values) {
        return table(
                List.of(name),
                List.of(type),
                Arrays.stream(values).map(java.util.Collections::singletonList).toList());
    }

    private static List<Feedback> compare(ResultTable expected, ResultTable actual, GradingRules rules) {
        return ResultComparison.compare(expected, actual, rules, false);
    }

    private static String text(List<Feedback> feedback) {
        return String.join("\n", feedback.stream().map(Feedback::message).toList());
    }

    private static List<List<String>> pairs(String... expectedThenActual) {
        List<List<String>> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < expectedThenActual.length; i += 2) {
            pairs.add(List.of(expectedThenActual[i], expectedThenActual[i + 1]));
        }
        return pairs;
    }

    @Test
    void valuesAreCloseOnlyWhenRoundingOrTruncationOrOnePercentExplainsTheDifference() {
        assertThat(ResultComparison.close(pairs("3.5", "3", "-0.5", "0")))
                .as("integer division truncates")
                .isTrue();
        assertThat(ResultComparison.close(pairs("3.14159", "3.14", "2.71828", "2.72")))
                .as("rounded too early")
                .isTrue();
        assertThat(ResultComparison.close(pairs("3.33", "3.3333333333", "6.67", "6.6666666667")))
                .as("not rounded as the task asks")
                .isTrue();
        assertThat(ResultComparison.close(pairs("100.5", "100.9")))
                .as("within 1 %")
                .isTrue();

        assertThat(ResultComparison.close(pairs("2.5", "1.6")))
                .as("within 1, but neither 1 % nor a rounding")
                .isFalse();
        assertThat(ResultComparison.close(pairs("150", "151")))
                .as("whole numbers: a count off by one is no rounding problem")
                .isFalse();
        assertThat(ResultComparison.close(pairs("7.25", "8.25")))
                .as("off by one, with fractions")
                .isFalse();
        assertThat(ResultComparison.close(pairs("3.5", "3", "10.5", "12")))
                .as("one pair is not close, so the values are not")
                .isFalse();
        assertThat(ResultComparison.close(pairs("3.5", "abc"))).isFalse();
    }

    @Test
    void theCloseMessageAppearsOnlyWhenTheValuesAreClose() {
        ResultTable expected = table(
                List.of("team", "average"),
                List.of("text", "numeric"),
                List.of(List.of("red", "6.2333333333"), List.of("blue", "5.125")));
        List<Feedback> rounded = compare(
                expected,
                table(
                        List.of("team", "average"),
                        List.of("text", "numeric"),
                        List.of(List.of("red", "6.2"), List.of("blue", "5.1"))),
                GradingRules.DEFAULT);
        assertThat(text(rounded)).contains("except for the values in column “average”", "close to the expected values");
        List<Feedback> wrong = compare(
                expected,
                table(
                        List.of("team", "average"),
                        List.of("text", "numeric"),
                        List.of(List.of("red", "5.4"), List.of("blue", "4.6"))),
                GradingRules.DEFAULT);
        assertThat(text(wrong))
                .contains("except for the values in column “average”")
                .doesNotContain("close");
    }

    @Test
    void aOneColumnResultNamesMissingAndExtraValuesWithCounts() {
        List<Feedback> feedback = compare(
                column("player", "text", "ana", "bo", "cy", "di", "ed", "fi", "red", "red"),
                column("player", "text", "ana", "bo", "zed", "zed", null, "red", "red", "red"),
                GradingRules.DEFAULT);
        assertThat(feedback).extracting(Feedback::kind).containsExactly("missing_rows", "extra_rows", "duplicates");
        assertThat(feedback.get(0).message())
                .isEqualTo("4 values of column “player” are missing from your result (yours has 8 rows, the expected "
                        + "result 8): “cy”, “di”, “ed” and 1 more.");
        assertThat(feedback.get(1).message())
                .isEqualTo("3 values in your column “player” do not belong in it: “zed” (2 times), NULL.");
        assertThat(feedback.get(2).message())
                .isEqualTo("Some values of column “player” appear more often than they should: “red” 3 times instead "
                        + "of twice. A join may be multiplying rows, or DISTINCT is missing.");
        assertThat(feedback).allSatisfy(item -> assertThat(item.examples()).isEmpty());

        List<Feedback> merged = compare(
                column("team", "text", "red", "red", "red", "blue", "blue"),
                column("team", "text", "red", "blue"),
                GradingRules.DEFAULT);
        assertThat(merged).extracting(Feedback::kind).containsExactly("duplicates");
        assertThat(text(merged))
                .isEqualTo("Some values of column “team” appear fewer times than they should (yours has 2 rows, the "
                        + "expected result 5): “red” once instead of 3 times, “blue” once instead of twice. Did "
                        + "DISTINCT, UNION or GROUP BY merge rows that should stay separate?");
    }

    @Test
    void aOneColumnResultOfNumbersComparesByValueAndSaysWhenTheValuesAreClose() {
        assertThat(compare(
                        column("n", "numeric", "2.50", "3"), column("n", "integer", "3", "2.5"), GradingRules.DEFAULT))
                .isEmpty();
        List<Feedback> divided = compare(
                column("half", "numeric", "3.5", "2.5", "1"),
                column("half", "integer", "3", "2", "1"),
                GradingRules.DEFAULT);
        assertThat(text(divided))
                .contains("2 values of column “half” are missing", "3.5, 2.5.", "2 values in your column “half”")
                .contains("close to the missing values: check rounding, and integer division");
        List<Feedback> far =
                compare(column("n", "numeric", "1.5", "2.5"), column("n", "numeric", "10", "20"), GradingRules.DEFAULT);
        assertThat(text(far)).contains("1.5, 2.5", "10, 20").doesNotContain("close");
    }

    @Test
    void onOtherDataNoValueIsNamed() {
        List<Feedback> feedback = ResultComparison.compare(
                column("player", "text", "ana", "bo"),
                column("player", "text", "ana", "zed"),
                GradingRules.DEFAULT,
                true);
        assertThat(text(feedback))
                .contains("on the other data")
                .doesNotContain("bo")
                .doesNotContain("zed");
        assertThat(feedback).allSatisfy(item -> assertThat(item.examples()).isEmpty());
    }

    @Test
    void aRelativeToleranceScalesWithTheExpectedValue() {
        GradingRules relative = new GradingRules(
                RowOrder.NONE, List.of(), true, TypePolicy.CATEGORY, new BigDecimal("1e-6"), true, Map.of());
        assertThat(compare(
                        column("total", "double precision", "1000000", "0.000001"),
                        column("total", "double precision", "1000000.5", "0.000001000000001"),
                        relative))
                .isEmpty();
        assertThat(compare(column("total", "numeric", "1000000"), column("total", "numeric", "1000002"), relative))
                .isNotEmpty();
        assertThat(compare(column("total", "numeric", "0.001"), column("total", "numeric", "0.0011"), relative))
                .as("an absolute 0.0001 is far off for a value of 0.001")
                .isNotEmpty();
    }

    @Test
    void kindsPerColumnAcceptEveryListedKindAndSayThemWhenWrong() {
        GradingRules dayMayBeATimestamp = dayMayBe(ColumnKind.DATE, ColumnKind.TIMESTAMP);
        ResultTable expected = dayAndCount("date", "2024-01-01");
        assertThat(compare(
                        expected,
                        dayAndCount("timestamp without time zone", "2024-01-01 00:00:00"),
                        dayMayBeATimestamp))
                .as("the same day, as PostgreSQL writes a timestamp")
                .isEmpty();
        assertThat(compare(
                        expected,
                        dayAndCount("timestamp without time zone", "2024-01-01 09:00:00"),
                        dayMayBeATimestamp))
                .as("a time of day other than midnight is another value")
                .isNotEmpty();
        GradingRules dayMayBeAnInstant = dayMayBe(ColumnKind.DATE, ColumnKind.TIMESTAMPTZ);
        assertThat(compare(
                        expected, dayAndCount("timestamp with time zone", "2024-01-01 00:00:00+00"), dayMayBeAnInstant))
                .as("midnight UTC, the sandbox's time zone")
                .isEmpty();
        assertThat(compare(
                        expected, dayAndCount("timestamp with time zone", "2024-01-01 00:00:00+01"), dayMayBeAnInstant))
                .isNotEmpty();
        List<Feedback> wrong = compare(
                expected,
                table(List.of("day", "n"), List.of("text", "integer"), List.of(List.of("2024-01-01", "3"))),
                dayMayBeATimestamp);
        assertThat(wrong)
                .extracting(Feedback::message)
                .containsExactly(
                        "Column “day” is text (text); it should be a date or a timestamp.",
                        "Column “n” has the type integer; it should be bigint.");
    }

    private static GradingRules dayMayBe(ColumnKind... kinds) {
        return new GradingRules(
                RowOrder.NONE,
                List.of(),
                true,
                TypePolicy.EXACT,
                BigDecimal.ZERO,
                false,
                Map.of("day", List.of(kinds)));
    }

    /** One row: {@code day} of {@code type} holding {@code day}, and {@code n} = 3. */
    private static ResultTable dayAndCount(String type, String day) {
        return table(List.of("day", "n"), List.of(type, "bigint"), List.of(List.of(day, "3")));
    }

    @Test
    void orderColumnsGivenByPositionAreNamedByPosition() {
        GradingRules bySecond =
                new GradingRules(RowOrder.BY_COLUMNS, List.of("2"), false, TypePolicy.CATEGORY, BigDecimal.ZERO);
        ResultTable expected = table(
                List.of("player", "points"),
                List.of("text", "integer"),
                List.of(List.of("ana", "9"), List.of("bo", "5"), List.of("cy", "5")));
        assertThat(compare(
                        expected,
                        table(
                                List.of("who", "score"),
                                List.of("text", "integer"),
                                List.of(List.of("ana", "9"), List.of("cy", "5"), List.of("bo", "5"))),
                        bySecond))
                .as("ties may come in any order")
                .isEmpty();
        List<Feedback> ascending = compare(
                expected,
                table(
                        List.of("who", "score"),
                        List.of("text", "integer"),
                        List.of(List.of("bo", "5"), List.of("cy", "5"), List.of("ana", "9"))),
                bySecond);
        assertThat(text(ascending))
                .isEqualTo("Your rows are right, but not sorted by the 2nd column as the task asks: row 1 is the first "
                        + "one out of place.");
    }
}
