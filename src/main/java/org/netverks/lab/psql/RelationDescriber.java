package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.netverks.lab.shared.DisplaySettings;

/**
 * \d NAME and \d+ NAME: psql's describeTableDetails() and describeOneTableDetails(). Tablespaces
 * and foreign servers are left out: the lab's roles cannot create either.
 */
final class RelationDescriber {

    private RelationDescriber() {}

    static String describe(
            CatalogReader catalogs, String pattern, boolean verbose, String database, DisplaySettings settings)
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
        QueryResult relations = query.append("ORDER BY 2, 3").readFrom(catalogs);
        if (relations.isEmpty()) {
            throw new MetaCommandException("Did not find any relation named \"" + pattern + "\".");
        }
        List<String> descriptions = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            RelationInfo relation = RelationInfo.load(
                    catalogs,
                    Long.parseLong(relations.text(i, 0)),
                    relations.text(i, 1),
                    relations.text(i, 2),
                    verbose);
            descriptions.add(describeOne(catalogs, relation, verbose, settings));
        }
        // psql ends each description with an empty line
        return String.join("\n\n", descriptions);
    }

    private static String describeOne(
            CatalogReader catalogs, RelationInfo relation, boolean verbose, DisplaySettings settings)
            throws SQLException {
        if (relation.is('S')) {
            return SequenceDescription.describe(catalogs, relation, settings);
        }
        RelationColumns.Table columns = RelationColumns.load(catalogs, relation, verbose);
        List<String> footers = new ArrayList<>();
        if (relation.isPartition()) {
            PartitionFooters.addPartitionOf(catalogs, relation, verbose, footers);
        }
        if (relation.is('p')) {
            PartitionFooters.addPartitionKey(catalogs, relation, footers);
        }
        if (relation.is('t')) {
            addOwningTable(catalogs, relation, footers);
        }
        if (relation.is('i', 'I')) {
            IndexFooter.add(catalogs, relation, footers);
        } else if (relation.is('r', 'm', 'f', 'p', 't')) {
            ConstraintFooters.add(catalogs, relation, footers);
            PolicyFooters.add(catalogs, relation, footers);
            StatisticsFooters.add(catalogs, relation, footers);
            if (relation.hasRules() && !relation.is('m')) {
                RuleFooters.addForTable(catalogs, relation, footers);
            }
            PublicationFooters.addForTable(catalogs, relation, footers);
        }
        if (verbose && relation.is('v', 'm')) {
            addViewDefinition(catalogs, relation, footers);
        }
        if (relation.hasTriggers()) {
            TriggerFooters.add(catalogs, relation, footers);
        }
        if (relation.is('r', 'm', 'f', 'p', 'I', 't')) {
            PartitionFooters.addInheritance(catalogs, relation, verbose, footers);
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
        // \d of a table is always laid out as a table: psql turns expanded display off for it, and
        // keeps the rest of \pset
        return PsqlFormatter.table(
                relation.title(), columns.headers(), columns.rows(), footers, false, false, settings.print());
    }

    private static void addOwningTable(CatalogReader catalogs, RelationInfo toast, List<String> footers)
            throws SQLException {
        QueryResult owner = new CatalogQuery(
                        """
                SELECT n.nspname, c.relname
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE reltoastrelid = CAST(? AS pg_catalog.oid)""",
                        toast.oid())
                .readFrom(catalogs);
        if (owner.size() == 1) {
            footers.add("Owning table: \"" + owner.text(0, 0) + "." + owner.text(0, 1) + "\"");
        }
    }

    private static void addViewDefinition(CatalogReader catalogs, RelationInfo view, List<String> footers)
            throws SQLException {
        QueryResult definition = new CatalogQuery(
                        "SELECT pg_catalog.pg_get_viewdef(CAST(? AS pg_catalog.oid), true)", view.oid())
                .readFrom(catalogs);
        if (!definition.isEmpty()) {
            footers.add("View definition:");
            footers.add(definition.text(0, 0));
            if (view.hasRules()) {
                RuleFooters.addForView(catalogs, view, footers);
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
