package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.netverks.lab.shared.PrintOptions;

/** psql's "aligned" output format, reusable for ordinary query results too. */
public final class PsqlFormatter {

    /** Columns: name + whether psql right-aligns it (numeric types). Null values print as empty. */
    public record Column(String name, boolean rightAligned) {}

    // psql's column_type_alignment(): these type OIDs are right-aligned, everything else left.
    private static final Set<String> RIGHT_ALIGNED = Set.of(
            "int2",
            "smallint",
            "smallserial",
            "21",
            "int4",
            "integer",
            "int",
            "serial",
            "23",
            "int8",
            "bigint",
            "bigserial",
            "20",
            "float4",
            "real",
            "700",
            "float8",
            "double precision",
            "701",
            "numeric",
            "decimal",
            "1700",
            "oid",
            "26",
            "xid",
            "28",
            "xid8",
            "5069",
            "cid",
            "29",
            "money",
            "790");

    private PsqlFormatter() {}

    /**
     * A query's rows as psql prints them under the learner's \\x and \\pset settings: aligned
     * (with the row count), unaligned or csv, normal or expanded, NULL as \\pset null. Without the
     * trailing line feed psql prints, nor the blank line after an aligned table. Empty when the text
     * would be longer than {@code maxChars}: padding every line to the widest value can make a
     * layout far larger than the result itself.
     */
    public static Optional<String> query(
            List<Column> columns, List<List<String>> rows, boolean expanded, PrintOptions print, long maxChars) {
        List<List<String>> shown = rows.stream()
                .map(row -> row.stream()
                        .map(value -> value == null ? print.nullDisplay() : value)
                        .toList())
                .toList();
        if (printedSize(columns, shown, expanded, print) > maxChars) {
            return Optional.empty();
        }
        return Optional.of(table(null, columns, shown, List.of(), true, expanded, print));
    }

    /** About how many characters the layout takes (an upper bound for the aligned ones), without making it. */
    private static long printedSize(
            List<Column> columns, List<List<String>> rows, boolean expanded, PrintOptions print) {
        long[] widths = new long[columns.size()];
        long headerWidth = 0;
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = CellLines.of(columns.get(i).name()).maxWidth();
            headerWidth = Math.max(headerWidth, widths[i]);
        }
        long lines = 4;
        long characters = 0;
        for (List<String> row : rows) {
            long height = 1;
            for (int i = 0; i < columns.size(); i++) {
                CellLines cell = CellLines.of(row.get(i));
                widths[i] = Math.max(widths[i], cell.maxWidth());
                height = expanded ? height + cell.height() : Math.max(height, cell.height());
                characters += row.get(i).length() + print.fieldSep().length() + headerWidth + 4;
            }
            lines += height;
        }
        if (!print.format().equals("aligned") && !print.format().equals("wrapped")) {
            return characters;
        }
        long lineWidth = 8 + 3L * columns.size();
        for (long width : widths) {
            lineWidth = expanded ? Math.max(lineWidth, headerWidth + width + 8) : lineWidth + width;
        }
        return lines * lineWidth;
    }

    /**
     * A table as psql's printTable() prints it in the format \\pset chose: the title and footers
     * (psql's own listings have them; a query has neither) and, when {@code rowCountFooter}, the row
     * count after the footers. SQL NULL shows as an empty value.
     */
    static String table(
            String title,
            List<Column> columns,
            List<List<String>> rows,
            List<String> footers,
            boolean rowCountFooter,
            boolean expanded,
            PrintOptions print) {
        List<List<String>> cells = rows.stream()
                .map(row ->
                        row.stream().map(value -> value == null ? "" : value).toList())
                .toList();
        List<String> headers = columns.stream().map(Column::name).toList();
        List<String> allFooters = new ArrayList<>(footers);
        if (rowCountFooter && print.footer()) {
            allFooters.add(rowCount(rows.size()));
        }
        boolean tuplesOnly = print.tuplesOnly();
        return switch (print.format()) {
            case "unaligned" ->
                expanded
                        ? SeparatedLayouts.unalignedExpanded(
                                title, headers, cells, print.fieldSep(), footers, tuplesOnly)
                        : SeparatedLayouts.unaligned(title, headers, cells, print.fieldSep(), allFooters, tuplesOnly);
            case "csv" ->
                expanded
                        ? SeparatedLayouts.csvExpanded(headers, cells)
                        : SeparatedLayouts.csv(headers, cells, tuplesOnly);
            default -> {
                if (expanded) {
                    yield String.join("\n", ExpandedLayout.lines(title, columns, cells, footers, print, tuplesOnly));
                }
                List<String> lines =
                        new ArrayList<>(new AlignedLayout(columns, cells, print.border(), tuplesOnly).lines(title));
                if (!tuplesOnly) {
                    lines.addAll(allFooters);
                }
                yield String.join("\n", lines);
            }
        };
    }

    /** psql's rule for right alignment by type OID or type name: numeric types (int2/4/8, numeric, float4/8, oid, money…). */
    public static boolean rightAligned(String typeName) {
        // a type modifier ("numeric(12,2)") does not change the type
        return typeName != null
                && RIGHT_ALIGNED.contains(
                        typeName.replaceFirst("\\(.*\\)$", "").trim().toLowerCase(Locale.ROOT));
    }

    static String rowCount(int rows) {
        return rows == 1 ? "(1 row)" : "(" + rows + " rows)";
    }
}
