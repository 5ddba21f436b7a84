package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** How a table sits in an inheritance or partition tree: its parent, partition key, and children. */
final class PartitionFooters {

    private PartitionFooters() {}

    /** "Partition of: ..." (and with \d+ the partition constraint), for a partition. */
    static void addPartitionOf(CatalogReader catalogs, RelationInfo partition, boolean verbose, List<String> footers)
            throws SQLException {
        QueryResult parent = new CatalogQuery(
                        """
                SELECT inhparent::pg_catalog.regclass,
                  pg_catalog.pg_get_expr(c.relpartbound, c.oid),
                  inhdetachpending,
                  pg_catalog.pg_get_partition_constraintdef(c.oid)
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid
                WHERE c.oid = CAST(? AS pg_catalog.oid)""",
                        partition.oid())
                .readFrom(catalogs);
        if (parent.isEmpty()) {
            return;
        }
        footers.add("Partition of: " + parent.text(0, 0) + " " + parent.text(0, 1)
                + (parent.isTrue(0, 2) ? " DETACH PENDING" : ""));
        if (verbose) {
            String constraint = parent.text(0, 3);
            footers.add(constraint.isEmpty() ? "No partition constraint" : "Partition constraint: " + constraint);
        }
    }

    static void addPartitionKey(CatalogReader catalogs, RelationInfo table, List<String> footers) throws SQLException {
        QueryResult key = new CatalogQuery(
                        "SELECT pg_catalog.pg_get_partkeydef(CAST(? AS pg_catalog.oid))", table.oid())
                .readFrom(catalogs);
        if (key.size() == 1) {
            footers.add("Partition key: " + key.text(0, 0));
        }
    }

    /** "Inherits:" for a child table, then its children or partitions (counted, or listed with \d+). */
    static void addInheritance(CatalogReader catalogs, RelationInfo table, boolean verbose, List<String> footers)
            throws SQLException {
        QueryResult parents = new CatalogQuery(
                        """
                SELECT c.oid::pg_catalog.regclass
                FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
                WHERE c.oid = i.inhparent AND i.inhrelid = CAST(? AS pg_catalog.oid)
                  AND c.relkind != 'p' AND c.relkind != 'I'
                ORDER BY inhseqno""",
                        table.oid())
                .readFrom(catalogs);
        addNameList("Inherits", parents, footers);

        QueryResult children = new CatalogQuery(
                        """
                SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, \
                pg_catalog.pg_get_expr(c.relpartbound, c.oid)
                FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
                WHERE c.oid = i.inhrelid AND i.inhparent = CAST(? AS pg_catalog.oid)
                ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', \
                c.oid::pg_catalog.regclass::pg_catalog.text""",
                        table.oid())
                .readFrom(catalogs);
        boolean partitioned = table.is('p', 'I');
        if (partitioned && children.isEmpty()) {
            footers.add("Number of partitions: 0");
        } else if (!verbose) {
            if (!children.isEmpty()) {
                footers.add((partitioned ? "Number of partitions: " : "Number of child tables: ") + children.size()
                        + " (Use \\d+ to list them.)");
            }
        } else {
            String heading = partitioned ? "Partitions" : "Child tables";
            for (int i = 0; i < children.size(); i++) {
                StringBuilder line = new StringBuilder(i == 0 ? heading + ": " : " ".repeat(heading.length() + 2))
                        .append(children.text(i, 0));
                if (!children.isNull(i, 3)) {
                    line.append(' ').append(children.text(i, 3));
                }
                String kind = children.text(i, 1);
                if (kind.equals("p") || kind.equals("I")) {
                    line.append(", PARTITIONED");
                } else if (kind.equals("f")) {
                    line.append(", FOREIGN");
                }
                if (children.isTrue(i, 2)) {
                    line.append(" (DETACH PENDING)");
                }
                if (i < children.size() - 1) {
                    line.append(',');
                }
                footers.add(line.toString());
            }
        }
    }

    private static void addNameList(String heading, QueryResult names, List<String> footers) {
        for (int i = 0; i < names.size(); i++) {
            String line = (i == 0 ? heading + ": " : " ".repeat(heading.length() + 2)) + names.text(i, 0);
            footers.add(i < names.size() - 1 ? line + "," : line);
        }
    }
}
