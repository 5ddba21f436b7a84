package org.netverks.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a learner's result is compared with the reference result; declared per exercise and shown
 * to the learner, so no rule is a surprise.
 *
 * @param orderColumns for {@link RowOrder#BY_COLUMNS}: the columns whose order counts
 * @param tolerance    numbers this close (absolutely) count as equal
 */
public record GradingRules(
        RowOrder order, List<String> orderColumns, boolean columnNamesMatter, TypePolicy types, BigDecimal tolerance) {

    public static final GradingRules DEFAULT =
            new GradingRules(RowOrder.NONE, List.of(), true, TypePolicy.CATEGORY, BigDecimal.ZERO);

    public GradingRules {
        orderColumns = List.copyOf(orderColumns);
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

    public List<String> inWords() {
        List<String> words = new ArrayList<>();
        words.add(
                switch (order) {
                    case NONE -> "Row order does not matter.";
                    case TOTAL -> "Row order matters: rows must come in exactly the order the task asks for.";
                    case BY_COLUMNS ->
                        "Rows must be sorted by " + String.join(", then ", orderColumns)
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
                        "Each column must be of the right kind (a number, text, a date…); any numeric type will do for a number.";
                    case EXACT -> "Each column must have exactly the expected PostgreSQL type.";
                    case IGNORE -> "Column types do not matter; values are compared as written.";
                });
        words.add(
                tolerance.signum() == 0
                        ? "Numbers must match exactly (2.50 and 2.5 are the same number)."
                        : "Numbers within " + tolerance.toPlainString() + " of the expected value count as equal.");
        return words;
    }
}
