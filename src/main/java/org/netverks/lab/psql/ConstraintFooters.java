package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** The "Indexes:", "Check constraints:", "Foreign-key constraints:" and "Referenced by:" footers of a table. */
final class ConstraintFooters {

    private ConstraintFooters() {}

    static void add(CatalogReader catalogs, RelationInfo table, List<String> footers) throws SQLException {
        if (table.hasIndex()) {
            addIndexes(catalogs, table, footers);
        }
        if (table.checks() > 0) {
            addChecks(catalogs, table, footers);
        }
        // foreign keys live in triggers, except on a partitioned table whose partitions hold them
        if (table.hasTriggers() || table.is('p')) {
            addForeignKeys(catalogs, table, footers);
            addReferencedBy(catalogs, table, footers);
        }
    }

    private static void addIndexes(CatalogReader catalogs, RelationInfo table, List<String> footers)
            throws SQLException {
        QueryResult indexes = new CatalogQuery(
                        """
                SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, \
                pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
                  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident
                FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
                  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid \
                AND contype IN ('p','u','x'))
                WHERE c.oid = CAST(? AS pg_catalog.oid) AND c.oid = i.indrelid AND i.indexrelid = c2.oid
                ORDER BY i.indisprimary DESC, c2.relname""",
                        table.oid())
                .readFrom(catalogs);
        if (indexes.isEmpty()) {
            return;
        }
        footers.add("Indexes:");
        for (int i = 0; i < indexes.size(); i++) {
            StringBuilder line =
                    new StringBuilder("    \"").append(indexes.text(i, 0)).append('"');
            if (indexes.text(i, 7).equals("x")) {
                line.append(' ').append(indexes.text(i, 6));
            } else {
                if (indexes.isTrue(i, 1)) {
                    line.append(" PRIMARY KEY,");
                } else if (indexes.isTrue(i, 2)) {
                    line.append(indexes.text(i, 7).equals("u") ? " UNIQUE CONSTRAINT," : " UNIQUE,");
                }
                // everything after "USING" is shown as the server wrote it
                String definition = indexes.text(i, 5);
                int using = definition.indexOf(" USING ");
                line.append(' ').append(using >= 0 ? definition.substring(using + 7) : definition);
                if (indexes.isTrue(i, 8)) {
                    line.append(" DEFERRABLE");
                }
                if (indexes.isTrue(i, 9)) {
                    line.append(" INITIALLY DEFERRED");
                }
            }
            if (indexes.isTrue(i, 3)) {
                line.append(" CLUSTER");
            }
            if (!indexes.isTrue(i, 4)) {
                line.append(" INVALID");
            }
            if (indexes.isTrue(i, 10)) {
                line.append(" REPLICA IDENTITY");
            }
            footers.add(line.toString());
        }
    }

    private static void addChecks(CatalogReader catalogs, RelationInfo table, List<String> footers)
            throws SQLException {
        QueryResult checks = new CatalogQuery(
                        """
                SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)
                FROM pg_catalog.pg_constraint r
                WHERE r.conrelid = CAST(? AS pg_catalog.oid) AND r.contype = 'c'
                ORDER BY 1""",
                        table.oid())
                .readFrom(catalogs);
        if (!checks.isEmpty()) {
            footers.add("Check constraints:");
            for (int i = 0; i < checks.size(); i++) {
                footers.add("    \"" + checks.text(i, 0) + "\" " + checks.text(i, 1));
            }
        }
    }

    private static void addForeignKeys(CatalogReader catalogs, RelationInfo table, List<String> footers)
            throws SQLException {
        CatalogQuery query;
        if (table.isPartition() || table.is('p')) {
            // constraints of this table first, then those inherited from partitioned ancestors
            query = new CatalogQuery(
                    """
                    SELECT conrelid = CAST(? AS pg_catalog.oid) AS sametable,
                           conname,
                           pg_catalog.pg_get_constraintdef(oid, true) AS condef,
                           conrelid::pg_catalog.regclass AS ontable
                      FROM pg_catalog.pg_constraint,
                           pg_catalog.pg_partition_ancestors(CAST(? AS pg_catalog.oid))
                     WHERE conrelid = relid AND contype = 'f' AND conparentid = 0
                    ORDER BY sametable DESC, conname""",
                    table.oid(),
                    table.oid());
        } else {
            query = new CatalogQuery(
                    """
                    SELECT true as sametable, conname,
                      pg_catalog.pg_get_constraintdef(r.oid, true) as condef,
                      conrelid::pg_catalog.regclass AS ontable
                    FROM pg_catalog.pg_constraint r
                    WHERE r.conrelid = CAST(? AS pg_catalog.oid) AND r.contype = 'f'
                         AND conparentid = 0
                    ORDER BY conname""",
                    table.oid());
        }
        QueryResult keys = query.readFrom(catalogs);
        if (!keys.isEmpty()) {
            footers.add("Foreign-key constraints:");
            for (int i = 0; i < keys.size(); i++) {
                // a constraint inherited from a partitioned ancestor is shown with that table's name
                String constraint = "\"" + keys.text(i, 1) + "\" " + keys.text(i, 2);
                footers.add(
                        keys.isTrue(i, 0)
                                ? "    " + constraint
                                : "    TABLE \"" + keys.text(i, 3) + "\" CONSTRAINT " + constraint);
            }
        }
    }

    private static void addReferencedBy(CatalogReader catalogs, RelationInfo table, List<String> footers)
            throws SQLException {
        QueryResult references = new CatalogQuery(
                        """
                SELECT conname, conrelid::pg_catalog.regclass AS ontable,
                       pg_catalog.pg_get_constraintdef(oid, true) AS condef
                  FROM pg_catalog.pg_constraint c
                 WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors(CAST(? AS pg_catalog.oid))
                                     UNION ALL VALUES (CAST(? AS pg_catalog.oid)::pg_catalog.regclass))
                       AND contype = 'f' AND conparentid = 0
                ORDER BY conname""",
                        table.oid(),
                        table.oid())
                .readFrom(catalogs);
        if (!references.isEmpty()) {
            footers.add("Referenced by:");
            for (int i = 0; i < references.size(); i++) {
                footers.add("    TABLE \"" + references.text(i, 1) + "\" CONSTRAINT \"" + references.text(i, 0) + "\" "
                        + references.text(i, 2));
            }
        }
    }
}
