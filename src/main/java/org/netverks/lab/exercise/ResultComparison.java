package org.netverks.lab.exercise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netverks.content.GradingRules;
import org.netverks.lab.run.StatementResult;

/**
 * Compares a learner's result with the expected one under an exercise's rules and says what
 * differs in plain words: columns, names, kinds, missing and extra rows (as a multiset: duplicates
 * count), values off in one column, and order. It never shows an expected row, only the
 * learner's own.
 */
final class ResultComparison {

    private static final int EXAMPLES = 3;
    private static final Set<GradingRules.ColumnKind> DAYS_AND_INSTANTS = EnumSet.of(
            GradingRules.ColumnKind.DATE, GradingRules.ColumnKind.TIMESTAMP, GradingRules.ColumnKind.TIMESTAMPTZ);

    private final ResultTable expected;
    private final ResultTable actual;
    private final GradingRules rules;
    /** On a hidden dataset: say that it failed on other data, and show none of that data. */
    private final boolean otherData;

    private final boolean[] numeric;
    /**
     * Columns whose rule accepts more than one of date, timestamp and timestamptz: the learner's
     * {@code 2025-01-01 00:00:00} (or {@code …+00} in the sandbox's UTC) is the solution's
     * {@code 2025-01-01}. Without this a rule like {@code {day: [date, timestamp]}} accepted the type
     * and then failed every value.
     */
    private final boolean[] dayOrInstant;

    private ResultComparison(ResultTable expected, ResultTable actual, GradingRules rules, boolean otherData) {
        this.expected = expected;
        this.actual = actual;
        this.rules = rules;
        this.otherData = otherData;
        this.numeric = new boolean[expected.columns().size()];
        this.dayOrInstant = new boolean[expected.columns().size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = ColumnKinds.isNumber(expected.columns().get(i).type());
            List<GradingRules.ColumnKind> kinds = acceptedKinds(i);
            dayOrInstant[i] = kinds != null
                    && kinds.stream().filter(DAYS_AND_INSTANTS::contains).count() > 1;
        }
    }

    /** A date, timestamp or UTC timestamptz written one way: no "+00", and a midnight as its day. */
    static String asDayOrInstant(String value) {
        String text = value;
        if (text.endsWith("+00")) {
            text = text.substring(0, text.length() - 3);
        }
        if (text.length() == 19 && text.endsWith(" 00:00:00")) {
            text = text.substring(0, 10);
        }
        return text;
    }

    /** What is wrong with {@code actual}; empty when it matches {@code expected} under the rules. */
    static List<Feedback> compare(ResultTable expected, ResultTable actual, GradingRules rules, boolean otherData) {
        return new ResultComparison(expected, actual, rules, otherData).differences();
    }

    private List<Feedback> differences() {
        List<Feedback> feedback = new ArrayList<>();
        if (actual.columns().size() != expected.columns().size()) {
            feedback.add(Feedback.of(
                    "columns",
                    "Your result has " + count(actual.columns().size(), "column") + " ("
                            + String.join(", ", actual.names()) + "); the task asks for "
                            + expected.columns().size()
                            + (rules.columnNamesMatter() ? ": " + String.join(", ", expected.names()) : "") + "."));
            return feedback;
        }
        columnNames().ifPresent(feedback::add);
        feedback.addAll(columnTypes());
        feedback.addAll(rows());
        return feedback;
    }

    private java.util.Optional<Feedback> columnNames() {
        if (!rules.columnNamesMatter() || actual.names().equals(expected.names())) {
            return java.util.Optional.empty();
        }
        if (actual.names().stream()
                .sorted()
                .toList()
                .equals(expected.names().stream().sorted().toList())) {
            return java.util.Optional.of(Feedback.of(
                    "column_names",
                    "Your columns are all there, but in another order: " + "the task asks for "
                            + String.join(", ", expected.names()) + "."));
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.names().size(); i++) {
            if (!expected.names().get(i).equals(actual.names().get(i))) {
                wrong.add("column " + (i + 1) + " is named “" + actual.names().get(i) + "”; the task asks for “"
                        + expected.names().get(i) + "”");
            }
        }
        return java.util.Optional.of(
                Feedback.of("column_names", capitalise(String.join("; ", wrong)) + ". Name a column with AS."));
    }

    private List<Feedback> columnTypes() {
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < expected.columns().size(); i++) {
            StatementResult.Column want = expected.columns().get(i);
            StatementResult.Column got = actual.columns().get(i);
            String name = "Column “" + got.name() + "”";
            List<GradingRules.ColumnKind> accepted = acceptedKinds(i);
            if (rules.types() != GradingRules.TypePolicy.IGNORE && accepted != null) {
                String gotKind = ColumnKinds.kind(got.type());
                if (accepted.stream().noneMatch(kind -> kind.grading().equals(gotKind))) {
                    feedback.add(Feedback.of(
                            "types",
                            name + " is " + ColumnKinds.described(gotKind) + " (" + got.type() + "); it should be "
                                    + GradingRules.kindsInWords(accepted) + "."));
                }
                continue;
            }
            switch (rules.types()) {
                case CATEGORY -> {
                    String wantKind = ColumnKinds.kind(want.type());
                    String gotKind = ColumnKinds.kind(got.type());
                    if (!wantKind.equals(gotKind)) {
                        feedback.add(Feedback.of(
                                "types",
                                name + " is " + ColumnKinds.described(gotKind) + " (" + got.type() + "); it should be "
                                        + ColumnKinds.described(wantKind) + "."));
                    }
                }
                case EXACT -> {
                    if (!want.type().equals(got.type())) {
                        feedback.add(Feedback.of(
                                "types", name + " has the type " + got.type() + "; it should be " + want.type() + "."));
                    }
                }
                case IGNORE -> {}
            }
        }
        return feedback;
    }

    /** The kinds the rules accept for this column of the result; null when it follows the type policy. */
    private List<GradingRules.ColumnKind> acceptedKinds(int column) {
        for (var entry : rules.columnKinds().entrySet()) {
            if (GradingRules.columnIndex(entry.getKey(), expected.names()) == column) {
                return entry.getValue();
            }
        }
        return null;
    }

    private List<Feedback> rows() {
        List<Feedback> feedback = new ArrayList<>();
        String where = otherData ? " on the other data" : "";
        if (!actual.complete()) {
            // only the first rows were kept: enough to show what does not belong, not to say what is missing
            Matching partial = match(-1);
            feedback.add(new Feedback(
                    "extra_rows",
                    "Your result" + where + " has " + count(actual.rowCount(), "row")
                            + "; the expected result has " + expected.rowCount() + "."
                            + (partial.extra.isEmpty() || otherData
                                    ? ""
                                    : " Rows that do not belong in it, for example:"),
                    examplesHeader(partial.extra),
                    examples(partial.extra)));
            return feedback;
        }
        Matching matching = match(-1);
        if (matching.missing.isEmpty() && matching.extra.isEmpty()) {
            order().ifPresent(feedback::add);
            return feedback;
        }
        String sizes =
                " (yours has " + count(actual.rowCount(), "row") + ", the expected result " + expected.rowCount() + ")";
        if (numeric.length == 1 && !otherData) {
            return oneColumn(matching, sizes);
        }
        if (matching.extra.isEmpty() && matching.missing.stream().allMatch(this::inActual)) {
            feedback.add(Feedback.of(
                    "duplicates",
                    "Your result" + where + " has the right rows, but some appear fewer "
                            + "times than they should" + sizes
                            + ". Did DISTINCT, UNION or GROUP BY merge rows that should stay "
                            + "separate?"));
            return feedback;
        }
        if (matching.missing.isEmpty() && matching.extra.stream().allMatch(this::inExpected)) {
            feedback.add(new Feedback(
                    "duplicates",
                    "Your result" + where + " has the right rows, but some appear more "
                            + "times than they should" + sizes + ". A join may be multiplying rows."
                            + (otherData ? "" : " Rows that repeat too often, for example:"),
                    examplesHeader(matching.extra),
                    examples(matching.extra)));
            return feedback;
        }
        if (matching.missing.size() == matching.extra.size()) {
            for (int column = 0; column < numeric.length; column++) {
                Matching ignoring = match(column);
                if (ignoring.missing.isEmpty() && ignoring.extra.isEmpty()) {
                    feedback.add(valuesOff(column, matching, where));
                    return feedback;
                }
            }
        }
        String columns = differingColumns();
        if (!matching.missing.isEmpty()) {
            feedback.add(Feedback.of(
                    "missing_rows",
                    capitalise(count(matching.missing.size(), "row"))
                            + (matching.missing.size() == 1 ? " that belongs" : " that belong") + " in the result"
                            + where + " "
                            + (matching.missing.size() == 1 ? "is" : "are") + " missing" + sizes + "." + columns));
        }
        if (!matching.extra.isEmpty()) {
            feedback.add(new Feedback(
                    "extra_rows",
                    capitalise(count(matching.extra.size(), "row")) + " in your result"
                            + where + " " + (matching.extra.size() == 1 ? "does" : "do") + " not belong in it"
                            + (otherData ? "." : (matching.missing.isEmpty() ? sizes : "") + ", for example:")
                            + (matching.missing.isEmpty() ? columns : ""),
                    examplesHeader(matching.extra),
                    examples(matching.extra)));
        }
        return feedback;
    }

    /**
     * A one-column result: name the values that are missing, those that do not belong and those
     * that come too often or too rarely, a few of each with their counts, rather than rows.
     */
    private List<Feedback> oneColumn(Matching matching, String sizes) {
        String column = "“" + actual.names().get(0) + "”";
        List<String> missing = new ArrayList<>();
        List<String> fewer = new ArrayList<>();
        for (List<String> row : matching.missing) {
            (inActual(row) ? fewer : missing).add(row.get(0));
        }
        List<String> extra = new ArrayList<>();
        List<String> more = new ArrayList<>();
        for (List<String> row : matching.extra) {
            (inExpected(row) ? more : extra).add(row.get(0));
        }
        List<Feedback> feedback = new ArrayList<>();
        if (!missing.isEmpty()) {
            feedback.add(Feedback.of(
                    "missing_rows",
                    capitalise(count(missing.size(), "value")) + " of column " + column
                            + (missing.size() == 1 ? " is" : " are") + " missing from your result" + sizes + ": "
                            + tally(missing) + "."));
        }
        if (!extra.isEmpty()) {
            String close = numeric[0] && missing.size() == extra.size() && close(sortedPairs(missing, extra))
                    ? " They are close to the missing values: check rounding, and integer division (7 / 2 is 3 in SQL)."
                    : "";
            feedback.add(Feedback.of(
                    "extra_rows",
                    capitalise(count(extra.size(), "value")) + " in your column " + column
                            + (extra.size() == 1 ? " does" : " do") + " not belong in it"
                            + (missing.isEmpty() ? sizes : "") + ": " + tally(extra) + "." + close));
        }
        if (!more.isEmpty()) {
            feedback.add(Feedback.of(
                    "duplicates",
                    "Some values of column " + column + " appear more often than they should"
                            + (feedback.isEmpty() ? sizes : "") + ": " + repeats(more)
                            + ". A join may be multiplying rows, or DISTINCT is missing."));
        }
        if (!fewer.isEmpty()) {
            feedback.add(Feedback.of(
                    "duplicates",
                    "Some values of column " + column + " appear fewer times than they should"
                            + (feedback.isEmpty() ? sizes : "") + ": " + repeats(fewer)
                            + ". Did DISTINCT, UNION or GROUP BY merge rows that should stay separate?"));
        }
        return feedback;
    }

    /** Expected and learner values paired after sorting each side by value, for the rounding test. */
    private static List<List<String>> sortedPairs(List<String> expectedValues, List<String> actualValues) {
        java.util.Comparator<String> byNumber = java.util.Comparator.comparing(
                ColumnKinds::number, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        List<String> want = expectedValues.stream().sorted(byNumber).toList();
        List<String> got = actualValues.stream().sorted(byNumber).toList();
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            pairs.add(java.util.Arrays.asList(want.get(i), got.get(i)));
        }
        return pairs;
    }

    /** "“red”, “blue” (2 times) and 4 more": a few distinct values, each with how often it is listed. */
    private String tally(List<String> values) {
        Map<String, Integer> counts = distinct(values);
        List<String> shown = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            if (shown.size() == EXAMPLES) {
                break;
            }
            shown.add(shown(entry.getKey()) + (entry.getValue() > 1 ? " (" + entry.getValue() + " times)" : ""));
        }
        int more = counts.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    /** "“red” 4 times instead of 3": a few values that come too often or too rarely, with both counts. */
    private String repeats(List<String> values) {
        List<String> shown = new ArrayList<>();
        for (String value : distinct(values).keySet()) {
            if (shown.size() == EXAMPLES) {
                break;
            }
            List<String> row = java.util.Collections.singletonList(value);
            long mine = actual.rows().stream()
                    .filter(other -> sameRow(row, other, -1))
                    .count();
            long wanted = expected.rows().stream()
                    .filter(other -> sameRow(other, row, -1))
                    .count();
            shown.add(shown(value) + " " + times(mine) + " instead of " + times(wanted));
        }
        int more = distinct(values).size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    /** The distinct values in first-seen order (NULL as null), with how often each occurs; numbers by value. */
    private Map<String, Integer> distinct(List<String> values) {
        Map<String, String> firstByKey = new HashMap<>();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String value : values) {
            BigDecimal number = numeric[0] ? ColumnKinds.number(value) : null;
            String key = value == null
                    ? "null"
                    : number != null ? "#" + number.stripTrailingZeros().toPlainString() : "=" + value;
            firstByKey.putIfAbsent(key, value);
            counts.merge(firstByKey.get(key), 1, Integer::sum);
        }
        return counts;
    }

    private String shown(String value) {
        if (value == null) {
            return "NULL";
        }
        if (numeric[0] && ColumnKinds.number(value) != null) {
            return value;
        }
        String text = value.length() > 60 ? value.substring(0, 57) + "…" : value;
        return "“" + text + "”";
    }

    private static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    /** Every row is right except for one column's values: say which, and whether they are close. */
    private Feedback valuesOff(int column, Matching matching, String where) {
        String name = actual.names().get(column);
        String message = "Your rows" + where + " are right except for the values in column “" + name + "”.";
        if (numeric[column] && closeEverywhere(column)) {
            message += " They are close to the expected values: check rounding, and integer division "
                    + "(7 / 2 is 3 in SQL).";
        }
        return new Feedback(
                "values",
                message + (otherData ? "" : " Your rows that differ, for example:"),
                examplesHeader(matching.extra),
                examples(matching.extra));
    }

    /**
     * Whether the learner's values in this column are really close to the expected ones: the
     * signature of rounding or integer division, not of a wrong count or a wrong formula. Every
     * differing pair must be close, where a learner's value is close when it is within 1 % of the
     * expected value, or when rounding or truncating one of the two to the other's decimal places
     * gives the other (3.14 for 3.14159, 3 for 3.5, 3.3333 for 3.33). Whole numbers on both sides
     * are never "close": a count off by one is not a rounding problem.
     */
    private boolean closeEverywhere(int column) {
        return close(match(column).pairs);
    }

    /** {@link #closeEverywhere} for pairs of expected and learner values as PostgreSQL wrote them. */
    static boolean close(List<List<String>> pairs) {
        if (pairs.isEmpty()) {
            return false;
        }
        boolean fractions = false;
        for (List<String> pair : pairs) {
            BigDecimal want = ColumnKinds.number(pair.get(0));
            BigDecimal got = ColumnKinds.number(pair.get(1));
            if (want == null || got == null) {
                return false;
            }
            fractions |= decimals(want) > 0 || decimals(got) > 0;
            if (!close(want, got)) {
                return false;
            }
        }
        return fractions;
    }

    private static boolean close(BigDecimal want, BigDecimal got) {
        if (want.compareTo(got) == 0) {
            return true;
        }
        if (want.signum() != 0
                && want.subtract(got).abs().compareTo(want.abs().multiply(new BigDecimal("0.01"))) <= 0) {
            return true;
        }
        return roundsTo(want, got) || roundsTo(got, want);
    }

    /** Whether {@code value}, rounded or truncated to the decimal places of {@code target}, is {@code target}. */
    private static boolean roundsTo(BigDecimal value, BigDecimal target) {
        int places = decimals(target);
        if (places >= decimals(value)) {
            return false;
        }
        return value.setScale(places, java.math.RoundingMode.HALF_UP).compareTo(target) == 0
                || value.setScale(places, java.math.RoundingMode.HALF_EVEN).compareTo(target) == 0
                || value.setScale(places, java.math.RoundingMode.DOWN).compareTo(target) == 0
                || value.setScale(places, java.math.RoundingMode.FLOOR).compareTo(target) == 0;
    }

    /** Decimal places that carry a digit: 2.50 has 1, 2 has 0. */
    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /**
     * " The values differ in column(s) …" naming the columns whose values, taken on their own,
     * differ from the expected column's; empty when every column has the expected values.
     */
    private String differingColumns() {
        List<String> names = new ArrayList<>();
        for (int column = 0; column < numeric.length; column++) {
            if (!sameColumnValues(column)) {
                names.add("“" + actual.names().get(column) + "”");
            }
        }
        if (names.isEmpty() || names.size() == numeric.length && numeric.length > 1) {
            return "";
        }
        return names.size() == 1
                ? " The values differ in column " + names.get(0) + "."
                : " The values differ in columns " + String.join(", ", names) + ".";
    }

    /** Whether one column holds the same values (as a multiset) in both results. */
    private boolean sameColumnValues(int column) {
        if (actual.rows().size() != expected.rows().size()) {
            return true; // a count difference, not a value one: say nothing about columns
        }
        java.util.Comparator<String> order = java.util.Comparator.nullsFirst(
                numeric[column]
                        ? java.util.Comparator.comparing(
                                        (String value) -> ColumnKinds.number(value),
                                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                                .thenComparing(java.util.Comparator.naturalOrder())
                        : java.util.Comparator.naturalOrder());
        List<String> want = expected.rows().stream()
                .map(row -> row.get(column))
                .sorted(order)
                .toList();
        List<String> got =
                actual.rows().stream().map(row -> row.get(column)).sorted(order).toList();
        for (int i = 0; i < want.size(); i++) {
            if (!sameValue(column, want.get(i), got.get(i))) {
                return false;
            }
        }
        return true;
    }

    private java.util.Optional<Feedback> order() {
        switch (rules.order()) {
            case NONE -> {
                return java.util.Optional.empty();
            }
            case TOTAL -> {
                for (int i = 0; i < expected.rows().size(); i++) {
                    if (!sameRow(expected.rows().get(i), actual.rows().get(i), -1)) {
                        return java.util.Optional.of(
                                Feedback.of(
                                        "order",
                                        "Your rows" + (otherData ? " on the other data" : "")
                                                + " are right, but not in the order the task asks for: row " + (i + 1)
                                                + " is the first one out of place. Did you ORDER BY everything the task says?"));
                    }
                }
                return java.util.Optional.empty();
            }
            default -> {
                List<Integer> keys = new ArrayList<>();
                for (String column : rules.orderColumns()) {
                    int index = GradingRules.columnIndex(column, expected.names());
                    if (index >= 0) {
                        keys.add(index);
                    }
                }
                for (int i = 0; i < expected.rows().size(); i++) {
                    for (int key : keys) {
                        if (!sameValue(
                                key,
                                expected.rows().get(i).get(key),
                                actual.rows().get(i).get(key))) {
                            return java.util.Optional.of(Feedback.of(
                                    "order",
                                    "Your rows"
                                            + (otherData ? " on the other data" : "") + " are right, but not sorted by "
                                            + rules.orderInWords() + " as the task asks: row "
                                            + (i + 1)
                                            + " is the first one out of place."));
                        }
                    }
                }
                return java.util.Optional.empty();
            }
        }
    }

    /**
     * Pairs expected rows with equal learner rows, each used once. {@code ignored} is a column
     * left out of the comparison (-1: none). Rows are bucketed by their exact text first, so only
     * numbers compared with a tolerance need pairwise work.
     */
    private Matching match(int ignored) {
        Map<String, LinkedList<Integer>> buckets = new HashMap<>();
        List<List<String>> rows = actual.rows();
        for (int i = 0; i < rows.size(); i++) {
            buckets.computeIfAbsent(bucketKey(rows.get(i), ignored), key -> new LinkedList<>())
                    .add(i);
        }
        Matching matching = new Matching();
        for (List<String> want : expected.rows()) {
            LinkedList<Integer> bucket = buckets.get(bucketKey(want, ignored));
            Integer found = null;
            if (bucket != null) {
                for (var iterator = bucket.iterator(); iterator.hasNext(); ) {
                    Integer candidate = iterator.next();
                    if (sameRow(want, rows.get(candidate), ignored)) {
                        found = candidate;
                        iterator.remove();
                        break;
                    }
                }
            }
            if (found == null) {
                matching.missing.add(want);
            } else if (ignored >= 0) {
                matching.pairs.add(java.util.Arrays.asList(
                        want.get(ignored), rows.get(found).get(ignored)));
            }
        }
        buckets.values().stream().flatMap(List::stream).sorted().forEach(index -> matching.extra.add(rows.get(index)));
        return matching;
    }

    private static final class Matching {
        final List<List<String>> missing = new ArrayList<>();
        final List<List<String>> extra = new ArrayList<>();
        /** With a column ignored: that column's expected and actual value, per matched row. */
        final List<List<String>> pairs = new ArrayList<>();
    }

    /** The row's text with numbers normalised; with a tolerance, numbers are left to {@link #sameRow}. */
    private String bucketKey(List<String> row, int ignored) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i == ignored) {
                continue;
            }
            String value = row.get(i);
            BigDecimal number = numeric[i] ? ColumnKinds.number(value) : null;
            if (number != null) {
                key.append(
                        rules.tolerance().signum() == 0
                                ? number.stripTrailingZeros().toPlainString()
                                : "#");
            } else if (value == null) {
                key.append("\u0000");
            } else {
                key.append((dayOrInstant[i] ? asDayOrInstant(value) : value).replace("\u0001", "\u0001\u0001"));
            }
            key.append('\u0001');
        }
        return key.toString();
    }

    private boolean sameRow(List<String> want, List<String> got, int ignored) {
        for (int i = 0; i < want.size(); i++) {
            if (i != ignored && !sameValue(i, want.get(i), got.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameValue(int column, String want, String got) {
        if (want == null || got == null) {
            return want == null && got == null;
        }
        if (numeric[column]) {
            BigDecimal a = ColumnKinds.number(want);
            BigDecimal b = ColumnKinds.number(got);
            if (a != null && b != null) {
                return rules.withinTolerance(a, b);
            }
        }
        if (dayOrInstant[column]) {
            return asDayOrInstant(want).equals(asDayOrInstant(got));
        }
        return want.equals(got);
    }

    private boolean inActual(List<String> row) {
        return actual.rows().stream().anyMatch(other -> sameRow(row, other, -1));
    }

    private boolean inExpected(List<String> row) {
        return expected.rows().stream().anyMatch(other -> sameRow(other, row, -1));
    }

    private List<String> examplesHeader(List<List<String>> rows) {
        return otherData || rows.isEmpty() ? List.of() : actual.names();
    }

    private List<List<String>> examples(List<List<String>> rows) {
        return otherData ? List.of() : rows.subList(0, Math.min(EXAMPLES, rows.size()));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
