package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's formats without alignment: "unaligned" (print_unaligned_text and _vertical: values
 * separated by \pset fieldsep, records by a line feed) and "csv" (print_csv_text and _vertical,
 * quoted as psql quotes). Values keep their line breaks as they are. Neither prints a title.
 */
final class SeparatedLayouts {

    private SeparatedLayouts() {}

    static String unaligned(List<String> headers, List<List<String>> rows, String fieldSep, boolean tuplesOnly) {
        List<String> lines = new ArrayList<>();
        if (!tuplesOnly) {
            lines.add(String.join(fieldSep, headers));
        }
        if (!headers.isEmpty()) {
            rows.forEach(row -> lines.add(String.join(fieldSep, row)));
        }
        if (!tuplesOnly) {
            lines.add(PsqlFormatter.rowCount(rows.size()));
        }
        return String.join("\n", lines);
    }

    /** \x with \a: a "name|value" line per column, a blank line between records, no row count. */
    static String unalignedExpanded(List<String> headers, List<List<String>> rows, String fieldSep) {
        List<String> records = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                fields.add(headers.get(i) + fieldSep + row.get(i));
            }
            if (!fields.isEmpty()) {
                records.add(String.join("\n", fields));
            }
        }
        return String.join("\n\n", records);
    }

    /** CSV: a header line unless tuples only, never a title or a row count. */
    static String csv(List<String> headers, List<List<String>> rows, boolean tuplesOnly) {
        List<String> lines = new ArrayList<>();
        if (!tuplesOnly) {
            lines.add(String.join(
                    ",", headers.stream().map(SeparatedLayouts::csvField).toList()));
        }
        if (!headers.isEmpty()) {
            rows.forEach(row -> lines.add(String.join(
                    ",", row.stream().map(SeparatedLayouts::csvField).toList())));
        }
        return String.join("\n", lines);
    }

    /** \x with csv: a "name,value" line per value, records not set apart. */
    static String csvExpanded(List<String> headers, List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < headers.size(); i++) {
                lines.add(csvField(headers.get(i)) + "," + csvField(row.get(i)));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * psql's csv_print_field(): quoted when it holds the separator, a quote or a line break, or is
     * exactly "\." (which COPY would read as the end of the data).
     */
    private static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || value.equals("\\.");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
