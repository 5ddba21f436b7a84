package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** Aligned table with optional centred title line(s) and footer lines; ends with "(N rows)" only when rowCountFooter is true. */
    public static String aligned(
            String title, List<Column> columns, List<List<String>> rows, List<String> footers, boolean rowCountFooter) {
        List<String> lines = new ArrayList<>(new AlignedLayout(columns, rows).lines(title));
        lines.addAll(footers);
        if (rowCountFooter) {
            lines.add(rowCount(rows.size()));
        }
        return String.join("\n", lines);
    }

    /** Expanded display (\x): "-[ RECORD 1 ]-+------" blocks, as psql prints them. */
    public static String expanded(String title, List<Column> columns, List<List<String>> rows, List<String> footers) {
        return String.join("\n", ExpandedLayout.lines(title, columns, rows, footers));
    }

    /** psql's rule for right alignment by type OID or type name: numeric types (int2/4/8, numeric, float4/8, oid, money…). */
    public static boolean rightAligned(String typeName) {
        return typeName != null && RIGHT_ALIGNED.contains(typeName.trim().toLowerCase(Locale.ROOT));
    }

    static String rowCount(int rows) {
        return rows == 1 ? "(1 row)" : "(" + rows + " rows)";
    }
}
