package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/** \d without a name, \dt, \di, \dv, \dm, \ds and their combinations: psql's listTables(). */
final class RelationList {

    private RelationList() {}

    /**
     * @param kinds psql's letters: t tables, i indexes, v views, m materialized views, s sequences;
     *              none means \d's default of all but indexes
     */
    static String list(
            CatalogReader catalogs,
            String kinds,
            Optional<String> pattern,
            boolean verbose,
            boolean showSystem,
            String database,
            DisplaySettings settings)
            throws SQLException {
        boolean tables = kinds.indexOf('t') >= 0;
        boolean indexes = kinds.indexOf('i') >= 0;
        boolean views = kinds.indexOf('v') >= 0;
        boolean matViews = kinds.indexOf('m') >= 0;
        boolean sequences = kinds.indexOf('s') >= 0;
        boolean foreign = false;
        if (!tables && !indexes && !views && !matViews && !sequences) {
            tables = views = matViews = sequences = foreign = true;
        }
        boolean accessMethod = tables || matViews || indexes;

        StringBuilder select = new StringBuilder(
                """
                SELECT n.nspname as "Schema",
                  c.relname as "Name",
                  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' \
                WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' \
                WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
                  pg_catalog.pg_get_userbyid(c.relowner) as "Owner\"""");
        if (indexes) {
            select.append(",\n  c2.relname as \"Table\"");
        }
        if (verbose) {
            select.append(",\n  CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' "
                    + "WHEN 'u' THEN 'unlogged' END as \"Persistence\"");
            if (accessMethod) {
                select.append(",\n  am.amname as \"Access method\"");
            }
            select.append(",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\"")
                    .append(",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"");
        }
        select.append(
                """

                FROM pg_catalog.pg_class c
                     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                """);
        if (accessMethod) {
            select.append("     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n");
        }
        if (indexes) {
            select.append("     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid\n")
                    .append("     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid\n");
        }

        // The relkind letters below are ours, never the learner's.
        StringBuilder relkinds = new StringBuilder();
        boolean systemOrPattern = showSystem || pattern.isPresent();
        if (tables) {
            relkinds.append("'r','p',").append(systemOrPattern ? "'t'," : "");
        }
        if (views) {
            relkinds.append("'v',");
        }
        if (matViews) {
            relkinds.append("'m',");
        }
        if (indexes) {
            relkinds.append("'i','I',");
        }
        if (sequences) {
            relkinds.append("'S',");
        }
        if (systemOrPattern) {
            relkinds.append("'s',");
        }
        if (foreign) {
            relkinds.append("'f',");
        }
        CatalogQuery query = new CatalogQuery(select.toString()).where("c.relkind IN (" + relkinds + "'')");
        if (!systemOrPattern) {
            query.where("n.nspname <> 'pg_catalog'")
                    .where("n.nspname !~ '^pg_toast'")
                    .where("n.nspname <> 'information_schema'");
        }
        String visibility = "pg_catalog.pg_table_is_visible(c.oid)";
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), true, database).restrict(query, "n.nspname", "c.relname", visibility);
        } else {
            query.where(visibility);
        }
        QueryResult result = query.append("ORDER BY 1,2").readFrom(catalogs);

        if (result.isEmpty()) {
            throw new MetaCommandException(pattern.map(name -> "Did not find any relation named \"" + name + "\".")
                    .orElse("Did not find any relations."));
        }
        return result.print("List of relations", List.of(), true, settings);
    }
}
