package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's formats without alignment: "unaligned" (print_unaligned_text and _vertical: values
 * separated by \pset fieldsep, records by a line feed) and "csv" (print_csv_text and _vertical,
 * quoted as psql quotes). Values keep their line breaks as they are. CSV prints neither title nor footers.
 */
final class SeparatedLayouts {

    private SeparatedLayouts() {}

    /** Title, header and footers (psql's row count among them) unless tuples only, each on a line of its own. */
    static String unaligned(
            String title,
            List<String> headers,
            List<List<String>> rows,
            String fieldSep,
            List<String> footers,
            boolean tuplesOnly) {
        List<String> lines = new ArrayList<>();
        if (!tuplesOnly && title != null) {
            lines.add(title);
        }
        if (!tuplesOnly) {
            lines.add(String.join(fieldSep, headers));
        }
        if (!headers.isEmpty()) {
            rows.forEach(row -> lines.add(String.join(fieldSep, row)));
        }
        if (!tuplesOnly) {
            lines.addAll(footers);
        }
        return String.join("\n", lines);
    }

    /**
     * \x with \a: a "name|value" line per column; the title, each record and the footers set apart
     * by a blank line; no row count.
     */
    static String unalignedExpanded(
            String title,
            List<String> headers,
            List<List<String>> rows,
            String fieldSep,
            List<String> footers,
            boolean tuplesOnly) {
        List<String> blocks = new ArrayList<>();
        if (!tuplesOnly && title != null) {
            blocks.add(title);
        }
        for (List<String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                fields.add(headers.get(i) + fieldSep + row.get(i));
            }
            if (!fields.isEmpty()) {
                blocks.add(String.join("\n", fields));
            }
        }
        if (!tuplesOnly && !footers.isEmpty()) {
            blocks.add(String.join("\n", footers));
        }
        return String.join("\n\n", blocks);
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
