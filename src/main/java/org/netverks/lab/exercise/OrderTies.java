package org.netverks.lab.exercise;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.netverks.content.Dataset;
import org.netverks.content.Exercise;
import org.netverks.content.GradingRules;
import org.netverks.content.ResultOrderBy;

/**
 * Whether an order rule can be met by every correct answer: under {@code order: total} (or
 * {@code order: [cols]}) the grader compares rows (or those columns) position by position, so
 * when rows that tie on the reference's ORDER BY keys differ (in those columns), a learner whose
 * answer breaks the tie the other way is marked wrong.
 *
 * <p>No SQL is interpreted here: the graded query runs twice with every result column appended
 * to its own ORDER BY as a tie-breaker, ascending in one run and descending in the other, and
 * PostgreSQL evaluates the author's keys. Rows that tie on those keys come out in opposite orders,
 * so the two results differ under the exercise's own grading rules exactly when some tie matters
 * (a LIMIT cutting through a tie changes the rows themselves, and is caught the same way).
 */
final class OrderTies {

    /** Types PostgreSQL cannot sort (no default btree operator class): never appended as a tie-breaker. */
    private static final Set<String> UNSORTABLE =
            Set.of("json", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle");

    private OrderTies() {}

    /**
     * Why the reference's order is not unique on this dataset, if it is not; empty when it is (or
     * when the exercise has no order rule). {@code expected} is the reference result there.
     */
    static Optional<String> find(ExerciseGrader grader, Exercise exercise, Dataset dataset, ResultTable expected)
            throws SQLException {
        GradingRules rules = exercise.rules();
        String graded = exercise.check() != null ? exercise.check() : exercise.solution();
        Optional<ResultOrderBy> order = ResultOrderBy.of(graded);
        if (rules.order() == GradingRules.RowOrder.NONE
                || order.isEmpty()
                || order.get().withTies() // extra keys would change which rows FETCH … WITH TIES keeps
                || expected.rows().isEmpty()) {
            return Optional.empty();
        }
        List<Integer> tieBreakers = tieBreakers(expected, rules);
        if (tieBreakers.isEmpty()) {
            return Optional.empty();
        }
        ResultTable ascending = run(grader, exercise, dataset, graded, order.get(), tieBreakers, "");
        ResultTable descending = run(grader, exercise, dataset, graded, order.get(), tieBreakers, " desc");
        if (ResultComparison.compare(ascending, descending, rules, false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(explain(ascending, descending, rules, dataset));
    }

    /** The ordinals of the columns to break ties with: the rule's own columns first, then the rest. */
    private static List<Integer> tieBreakers(ResultTable expected, GradingRules rules) {
        List<Integer> columns = new ArrayList<>();
        for (String name : rules.orderColumns()) {
            int index = expected.names().indexOf(name);
            if (index >= 0) {
                columns.add(index);
            }
        }
        for (int i = 0; i < expected.columns().size(); i++) {
            if (!columns.contains(i)) {
                columns.add(i);
            }
        }
        return columns.stream()
                .filter(i -> !UNSORTABLE.contains(expected.columns().get(i).type()))
                .toList();
    }

    private static ResultTable run(
            ExerciseGrader grader,
            Exercise exercise,
            Dataset dataset,
            String graded,
            ResultOrderBy order,
            List<Integer> tieBreakers,
            String direction)
            throws SQLException {
        String keys = tieBreakers.stream().map(i -> (i + 1) + direction).collect(Collectors.joining(", ", ", ", ""));
        String variant = graded.substring(0, order.keysEnd()) + keys + graded.substring(order.keysEnd());
        return exercise.check() != null
                ? grader.result(dataset, exercise.solution(), variant)
                : grader.result(dataset, variant, null);
    }

    private static String explain(ResultTable ascending, ResultTable descending, GradingRules rules, Dataset dataset) {
        String where = "on dataset '" + dataset.name() + "'";
        if (!sameRows(ascending, descending)) {
            return "the solution's rows are not unique " + where + ": its ORDER BY leaves a tie that LIMIT (or "
                    + "FETCH) cuts through, so which rows it returns depends on how the tie is broken. Add a "
                    + "tie-breaker to the ORDER BY (a key column), or make the task's order unique";
        }
        boolean total = rules.order() == GradingRules.RowOrder.TOTAL;
        List<Integer> graded = new ArrayList<>();
        for (int i = 0; i < ascending.columns().size(); i++) {
            if (total || rules.orderColumns().contains(ascending.names().get(i))) {
                graded.add(i);
            }
        }
        for (int i = 0; i < ascending.rows().size(); i++) {
            List<String> one = ascending.rows().get(i);
            List<String> other = descending.rows().get(i);
            if (!project(one, graded).equals(project(other, graded))) {
                return (total
                                ? "is total, but the solution's order is not unique " + where
                                        + ": these rows tie on its ORDER BY keys yet differ, so a correct answer may "
                                        + "list them the other way round: "
                                : "lists " + String.join(", ", rules.orderColumns())
                                        + ", but the solution's ORDER BY does not fix their order " + where
                                        + ": these rows tie on its ORDER BY keys yet differ in those columns: ")
                        + row(ascending, one) + " and " + row(ascending, other)
                        + ". Add a tie-breaker to the ORDER BY (a key column) and say it in the task, or "
                        + (total ? "grade with order: [the columns the task sorts by]" : "sort by these columns");
            }
        }
        return "the solution's order is not unique " + where + ": rows that tie on its ORDER BY keys differ";
    }

    private static boolean sameRows(ResultTable one, ResultTable other) {
        Map<List<String>, Integer> counts = new HashMap<>();
        one.rows().forEach(row -> counts.merge(row, 1, Integer::sum));
        other.rows().forEach(row -> counts.merge(row, -1, Integer::sum));
        return counts.values().stream().allMatch(count -> count == 0);
    }

    private static List<String> project(List<String> row, List<Integer> columns) {
        return columns.stream().map(row::get).toList();
    }

    private static String row(ResultTable table, List<String> row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(table.names().get(i) + "=" + (row.get(i) == null ? "NULL" : row.get(i)));
        }
        return "(" + String.join(", ", cells) + ")";
    }
}
