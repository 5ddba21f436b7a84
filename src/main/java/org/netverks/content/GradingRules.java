package org.netverks.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a learner's result is compared with the reference result; declared per exercise (or per
 * file, under {@code defaults:}) and shown to the learner, so no rule is a surprise.
 *
 * <p>A column in {@code orderColumns} and in {@code columnKinds} is named the way the author wrote
 * it: a column name of the solution's result, or its 1-based position written as digits ("2").
 * With {@code column_names: ignore} the loader only accepts positions, because the reference's
 * names mean nothing to a learner whose names do not count. Resolve one with {@link #columnIndex}
 * and say it with {@link #columnInWords}.
 *
 * @param orderColumns      for {@link RowOrder#BY_COLUMNS}: the columns whose order counts
 * @param types             how the column types are compared, for columns not in {@code columnKinds}
 * @param tolerance         numbers this close count as equal
 * @param relativeTolerance whether {@code tolerance} is a share of the expected value (1e-9) rather
 *                          than a distance (0.01)
 * @param columnKinds       per column, the kinds of value accepted ("a date or a timestamp")
 */
public record GradingRules(
        RowOrder order,
        List<String> orderColumns,
        boolean columnNamesMatter,
        TypePolicy types,
        BigDecimal tolerance,
        boolean relativeTolerance,
        Map<String, List<ColumnKind>> columnKinds) {

    public static final GradingRules DEFAULT =
            new GradingRules(RowOrder.NONE, List.of(), true, TypePolicy.CATEGORY, BigDecimal.ZERO);

    public GradingRules {
        orderColumns = List.copyOf(orderColumns);
        Map<String, List<ColumnKind>> kinds = new LinkedHashMap<>();
        columnKinds.forEach((column, accepted) -> kinds.put(column, List.copyOf(accepted)));
        columnKinds = java.util.Collections.unmodifiableMap(kinds);
    }

    /** Rules with an absolute tolerance and no per-column kinds. */
    public GradingRules(
            RowOrder order,
            List<String> orderColumns,
            boolean columnNamesMatter,
            TypePolicy types,
            BigDecimal tolerance) {
        this(order, orderColumns, columnNamesMatter, types, tolerance, false, Map.of());
    }

    public enum RowOrder {
        NONE,
        TOTAL,
        BY_COLUMNS
    }

    public enum TypePolicy {
        CATEGORY("category"),
        EXACT("exact"),
        IGNORE("ignore");

        private final String key;

        TypePolicy(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * A kind of value an author may accept for a column ({@code types: {day: [date, timestamp]}}).
     * {@code grading} is the kind the grader gives a PostgreSQL type (lab.exercise.ColumnKinds).
     */
    public enum ColumnKind {
        NUMBER("number", "number", "a number"),
        TEXT("text", "text", "text"),
        DATE("date", "date", "a date"),
        TIMESTAMP("timestamp", "timestamp", "a timestamp"),
        TIMESTAMPTZ("timestamptz", "timestamp with time zone", "a timestamp with time zone"),
        TIME("time", "time of day", "a time of day"),
        INTERVAL("interval", "interval", "an interval"),
        BOOLEAN("boolean", "boolean", "a boolean"),
        JSON("json", "JSON", "JSON"),
        UUID("uuid", "uuid", "a uuid");

        private final String key;
        private final String grading;
        private final String words;

        ColumnKind(String key, String grading, String words) {
            this.key = key;
            this.grading = grading;
            this.words = words;
        }

        public String key() {
            return key;
        }

        public String grading() {
            return grading;
        }

        public String words() {
            return words;
        }
    }

    /** Whether a column of the rules is written as its position ("2") rather than a name. */
    public static boolean isPosition(String column) {
        return !column.isEmpty() && column.length() <= 4 && column.chars().allMatch(Character::isDigit);
    }

    /** The 0-based index of a rule's column in a result with these column names; -1 when there is none. */
    public static int columnIndex(String column, List<String> resultNames) {
        if (isPosition(column)) {
            int position = Integer.parseInt(column);
            return position >= 1 && position <= resultNames.size() ? position - 1 : -1;
        }
        return resultNames.indexOf(column);
    }

    /** A rule's column as the learner reads it: its name (the task names it), or "the 2nd column". */
    public static String columnInWords(String column) {
        if (!isPosition(column)) {
            return column;
        }
        int n = Integer.parseInt(column);
        String suffix = (n % 100 >= 11 && n % 100 <= 13)
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return "the " + n + suffix + " column";
    }

    /** The order columns, joined as the learner reads them: "total, then name". */
    public String orderInWords() {
        return String.join(
                ", then ",
                orderColumns.stream().map(GradingRules::columnInWords).toList());
    }

    /** Whether two numbers count as equal under the tolerance ({@code expected} is the reference's). */
    public boolean withinTolerance(BigDecimal expected, BigDecimal actual) {
        BigDecimal allowed = relativeTolerance ? tolerance.multiply(expected.abs()) : tolerance;
        return expected.subtract(actual).abs().compareTo(allowed) <= 0;
    }

    public List<String> inWords() {
        List<String> words = new ArrayList<>();
        words.add(
                switch (order) {
                    case NONE -> "Row order does not matter.";
                    case TOTAL -> "Row order matters: rows must come in exactly the order the task asks for.";
                    case BY_COLUMNS ->
                        "Rows must be sorted by " + orderInWords()
                                + " as the task asks; rows that tie on " + (orderColumns.size() == 1 ? "it" : "them")
                                + " may come in any order.";
                });
        words.add(
                columnNamesMatter
                        ? "Column names must match the ones the task gives (use AS to name a column)."
                        : "Column names do not matter; the number, order and values of the columns do.");
        words.add(
                switch (types) {
                    case CATEGORY ->
                        columnKinds.isEmpty()
                                ? "Each column must be of the right kind (a number, text, a date…); any numeric type will do for a number."
                                : "Every other column must be of the right kind (a number, text, a date…); any numeric type will do for a number.";
                    case EXACT ->
                        columnKinds.isEmpty()
                                ? "Each column must have exactly the expected PostgreSQL type."
                                : "Every other column must have exactly the expected PostgreSQL type.";
                    case IGNORE -> "Column types do not matter; values are compared as written.";
                });
        if (types != TypePolicy.IGNORE) {
            int at = words.size() - 1;
            columnKinds.forEach((column, kinds) -> words.add(
                    at,
                    capitalise(isPosition(column) ? columnInWords(column) : "column “" + column + "”")
                            + " may be "
                            + kindsInWords(kinds) + "."));
        }
        words.add(toleranceInWords());
        return words;
    }

    /** "a date or a timestamp". */
    public static String kindsInWords(List<ColumnKind> kinds) {
        List<String> names = kinds.stream().map(ColumnKind::words).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private String toleranceInWords() {
        if (tolerance.signum() == 0) {
            return "Numbers must match exactly (2.50 and 2.5 are the same number).";
        }
        if (!relativeTolerance) {
            return "Numbers within " + tolerance.toPlainString() + " of the expected value count as equal.";
        }
        BigDecimal percent = tolerance.movePointRight(2).stripTrailingZeros();
        if (percent.scale() <= 2) {
            return "Numbers within " + percent.toPlainString() + " % of the expected value count as equal.";
        }
        return "Numbers count as equal when they differ by at most "
                + tolerance.stripTrailingZeros().toString().toLowerCase(java.util.Locale.ROOT)
                + " times the expected value, so tiny floating-point differences do not matter.";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
