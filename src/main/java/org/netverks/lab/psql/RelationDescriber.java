package org.netverks.lab.psql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * \d NAME and \d+ NAME: psql's describeTableDetails() and describeOneTableDetails(). Tablespaces
 * and foreign servers are left out: the lab's roles cannot create either.
 */
final class RelationDescriber {

    private RelationDescriber() {}

    static String describe(
            Connection connection, String pattern, boolean verbose, String database, PsqlSettings settings)
            throws SQLException {
        CatalogQuery query = new CatalogQuery(
                """
                SELECT c.oid,
                  n.nspname,
                  c.relname
                FROM pg_catalog.pg_class c
                     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                """);
        NamePattern.parse(pattern, true, database)
                .restrict(query, "n.nspname", "c.relname", "pg_catalog.pg_table_is_visible(c.oid)");
        QueryResult relations = query.append("ORDER BY 2, 3").run(connection);
        if (relations.isEmpty()) {
            throw new MetaCommandException("Did not find any relation named \"" + pattern + "\".");
        }
        List<String> descriptions = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            RelationInfo relation = RelationInfo.load(
                    connection,
                    Long.parseLong(relations.text(i, 0)),
                    relations.text(i, 1),
                    relations.text(i, 2),
                    verbose);
            descriptions.add(describeOne(connection, relation, verbose, settings));
        }
        // psql ends each description with an empty line
        return String.join("\n\n", descriptions);
    }

    private static String describeOne(
            Connection connection, RelationInfo relation, boolean verbose, PsqlSettings settings) throws SQLException {
        if (relation.is('S')) {
            return SequenceDescription.describe(connection, relation, settings);
        }
        RelationColumns.Table columns = RelationColumns.load(connection, relation, verbose);
        List<String> footers = new ArrayList<>();
        if (relation.isPartition()) {
            PartitionFooters.addPartitionOf(connection, relation, verbose, footers);
        }
        if (relation.is('p')) {
            PartitionFooters.addPartitionKey(connection, relation, footers);
        }
        if (relation.is('t')) {
            addOwningTable(connection, relation, footers);
        }
        if (relation.is('i', 'I')) {
            IndexFooter.add(connection, relation, footers);
        } else if (relation.is('r', 'm', 'f', 'p', 't')) {
            ConstraintFooters.add(connection, relation, footers);
            PolicyFooters.add(connection, relation, footers);
            StatisticsFooters.add(connection, relation, footers);
            if (relation.hasRules() && !relation.is('m')) {
                RuleFooters.addForTable(connection, relation, footers);
            }
            PublicationFooters.addForTable(connection, relation, footers);
        }
        if (verbose && relation.is('v', 'm')) {
            addViewDefinition(connection, relation, footers);
        }
        if (relation.hasTriggers()) {
            TriggerFooters.add(connection, relation, footers);
        }
        if (relation.is('r', 'm', 'f', 'p', 'I', 't')) {
            PartitionFooters.addInheritance(connection, relation, verbose, footers);
            if (!relation.ofType().isEmpty()) {
                footers.add("Typed table of type: " + relation.ofType());
            }
            if (verbose && relation.is('r', 'm')) {
                addReplicaIdentity(relation, footers);
            }
            if (verbose && relation.accessMethod() != null) {
                footers.add("Access method: " + relation.accessMethod());
            }
        }
        if (verbose && !relation.options().isEmpty()) {
            footers.add("Options: " + relation.options());
        }
        // \d of a table is always laid out as a table: psql turns expanded display off for it
        return PsqlFormatter.aligned(relation.title(), columns.headers(), columns.rows(), footers, false);
    }

    private static void addOwningTable(Connection connection, RelationInfo toast, List<String> footers)
            throws SQLException {
        QueryResult owner = new CatalogQuery(
                        """
                SELECT n.nspname, c.relname
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE reltoastrelid = CAST(? AS pg_catalog.oid)""",
                        toast.oid())
                .run(connection);
        if (owner.size() == 1) {
            footers.add("Owning table: \"" + owner.text(0, 0) + "." + owner.text(0, 1) + "\"");
        }
    }

    private static void addViewDefinition(Connection connection, RelationInfo view, List<String> footers)
            throws SQLException {
        QueryResult definition = new CatalogQuery(
                        "SELECT pg_catalog.pg_get_viewdef(CAST(? AS pg_catalog.oid), true)", view.oid())
                .run(connection);
        if (!definition.isEmpty()) {
            footers.add("View definition:");
            footers.add(definition.text(0, 0));
            if (view.hasRules()) {
                RuleFooters.addForView(connection, view, footers);
            }
        }
    }

    /** Shown only when it differs from the default, which is NOTHING for system catalogs. */
    private static void addReplicaIdentity(RelationInfo table, List<String> footers) {
        char identity = table.replicaIdentity();
        boolean catalog = table.schema().equals("pg_catalog");
        if (identity != 'i' && ((!catalog && identity != 'd') || (catalog && identity != 'n'))) {
            footers.add("Replica Identity: " + (identity == 'f' ? "FULL" : identity == 'n' ? "NOTHING" : "???"));
        }
    }
}
