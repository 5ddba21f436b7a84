package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's schema panel: the tables and views in every schema of the sandbox — {@code public},
 * the dataset's own ({@code cd}) and any the learner made — with their columns, primary keys and
 * foreign keys, read like \dt reads them (two catalog queries, every name qualified with
 * pg_catalog, so objects a learner names like a catalog do not stand in for it). Each is named as
 * the learner would write it: bare when the sandbox's search_path finds it, schema-qualified
 * otherwise. Left out: PostgreSQL's own schemas, the platform's {@code lab} schema (its view is for
 * lessons to name, not part of the data) and objects that belong to an extension.
 */
public final class SchemaPanel {

    private SchemaPanel() {}

    public record Table(
            String name, String kind, long estimatedRows, List<Column> columns, List<ForeignKey> foreignKeys) {}

    public record Column(String name, String type, boolean primaryKey, boolean notNull) {}

    /**
     * A foreign key, its columns in the key's order. {@code references} is named the way a
     * {@link Table#name()} is, so it matches a listed table — or names one the panel leaves out.
     */
    public record ForeignKey(String name, List<String> columns, String references, List<String> referencedColumns) {}

    /** The relations the panel shows; {@code c} is the relation, {@code n} its schema. */
    private static final String LISTED =
            """
            n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'lab')
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.objid = c.oid AND d.deptype = 'e')""";

    private static final String TABLES_AND_COLUMNS =
            """
            SELECT c.oid::pg_catalog.regclass::pg_catalog.text AS name,
                   CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
                   GREATEST(c.reltuples, 0)::pg_catalog.int8,
                   a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod),
                   EXISTS (SELECT FROM pg_catalog.pg_constraint pk
                           WHERE pk.conrelid = c.oid AND pk.contype = 'p' AND a.attnum = ANY (pk.conkey)),
                   a.attnotnull
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE %s
            ORDER BY name, a.attnum"""
                    .formatted(LISTED);

    /*
     * One row per column of a key, in the key's order. A key on a partitioned table is copied onto
     * its partitions, and one referencing a partitioned table gets a copy per partition referenced:
     * only the key the learner declared (conparentid = 0) is listed, as \d does.
     */
    private static final String FOREIGN_KEYS =
            """
            SELECT c.oid::pg_catalog.regclass::pg_catalog.text AS name,
                   fk.conname,
                   fk.confrelid::pg_catalog.regclass::pg_catalog.text,
                   a.attname,
                   r.attname
            FROM pg_catalog.pg_constraint fk
            JOIN pg_catalog.pg_class c ON c.oid = fk.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(fk.conkey), pg_catalog.unnest(fk.confkey))
                WITH ORDINALITY AS k (attnum, refattnum, position)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = k.attnum
            JOIN pg_catalog.pg_attribute r ON r.attrelid = fk.confrelid AND r.attnum = k.refattnum
            WHERE fk.contype = 'f' AND fk.conparentid = 0 AND %s
            ORDER BY name, fk.conname, k.position"""
                    .formatted(LISTED);

    public static List<Table> list(CatalogReader catalogs) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (List<String> row : catalogs.query(TABLES_AND_COLUMNS, List.of()).rows()) {
            Table table = tables.computeIfAbsent(
                    row.get(0),
                    name -> new Table(
                            name, row.get(1), Long.parseLong(row.get(2)), new ArrayList<>(), new ArrayList<>()));
            if (row.get(3) != null) {
                table.columns().add(new Column(row.get(3), row.get(4), isTrue(row.get(5)), isTrue(row.get(6))));
            }
        }
        for (List<String> row : catalogs.query(FOREIGN_KEYS, List.of()).rows()) {
            Table table = tables.get(row.get(0));
            if (table == null) {
                continue; // made between the two queries
            }
            List<ForeignKey> keys = table.foreignKeys();
            if (keys.isEmpty() || !keys.get(keys.size() - 1).name().equals(row.get(1))) {
                keys.add(new ForeignKey(row.get(1), new ArrayList<>(), row.get(2), new ArrayList<>()));
            }
            ForeignKey key = keys.get(keys.size() - 1);
            key.columns().add(row.get(3));
            key.referencedColumns().add(row.get(4));
        }
        return List.copyOf(tables.values());
    }

    private static boolean isTrue(String value) {
        return "t".equals(value);
    }
}
