package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netverks.lab.shared.QueryRows;

/**
 * The lab's schema panel: the tables and views in every schema of the sandbox — {@code public},
 * the dataset's own ({@code cd}) and any the learner made — with their columns, read like \dt reads
 * them (one catalog query, every name qualified with pg_catalog, so objects a learner names like a
 * catalog do not stand in for it). Each is named as the learner would write it: bare when the
 * sandbox's search_path finds it, schema-qualified otherwise. Left out: PostgreSQL's own schemas,
 * the platform's {@code lab} schema (its view is for lessons to name, not part of the data) and
 * objects that belong to an extension.
 */
public final class SchemaPanel {

    private SchemaPanel() {}

    public record Table(String name, String kind, long estimatedRows, List<Column> columns) {}

    public record Column(String name, String type) {}

    private static final String TABLES_AND_COLUMNS =
            """
            SELECT c.oid::pg_catalog.regclass::pg_catalog.text AS name,
                   CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
                   GREATEST(c.reltuples, 0)::pg_catalog.int8,
                   a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'lab')
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY name, a.attnum""";

    public static List<Table> list(CatalogReader catalogs) throws SQLException {
        QueryRows rows = catalogs.query(TABLES_AND_COLUMNS, List.of());
        Map<String, Table> tables = new LinkedHashMap<>();
        for (List<String> row : rows.rows()) {
            Table table = tables.computeIfAbsent(
                    row.get(0), name -> new Table(name, row.get(1), Long.parseLong(row.get(2)), new ArrayList<>()));
            if (row.get(3) != null) {
                table.columns().add(new Column(row.get(3), row.get(4)));
            }
        }
        return List.copyOf(tables.values());
    }
}
