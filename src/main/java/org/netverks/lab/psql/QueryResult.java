package org.netverks.lab.psql;

import java.util.List;
import org.netverks.lab.shared.DisplaySettings;

/** Rows of a catalog query as text, with the columns as psql would head and align them. */
record QueryResult(List<PsqlFormatter.Column> columns, List<List<String>> rows) {

    int size() {
        return rows.size();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The value, with SQL NULL as the empty string psql prints for it. */
    String text(int row, int column) {
        String value = rows.get(row).get(column);
        return value == null ? "" : value;
    }

    boolean isNull(int row, int column) {
        return rows.get(row).get(column) == null;
    }

    boolean isTrue(int row, int column) {
        return "t".equals(rows.get(row).get(column));
    }

    /**
     * Laid out as psql's printQuery() does under \x and \pset (its listings show NULL as an empty
     * value whatever \pset null says).
     */
    String print(String title, List<String> footers, boolean rowCountFooter, DisplaySettings settings) {
        return PsqlFormatter.table(
                title, columns, rows, footers, rowCountFooter, settings.expanded(), settings.print());
    }
}
