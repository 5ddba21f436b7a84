package org.netverks.lab.exercise;

import java.util.List;
import org.netverks.lab.run.StatementResult;

/**
 * A result set as grading sees it: column names and PostgreSQL types, and every row as
 * PostgreSQL's own text (null for NULL). {@code rowCount} is the true count even when fewer rows
 * were kept.
 */
record ResultTable(List<StatementResult.Column> columns, List<List<String>> rows, long rowCount) {

    static ResultTable of(StatementResult.Rows result) {
        return new ResultTable(result.columns(), result.rows(), result.rowCount());
    }

    List<String> names() {
        return columns.stream().map(StatementResult.Column::name).toList();
    }

    boolean complete() {
        return rowCount == rows.size();
    }
}
