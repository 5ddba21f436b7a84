package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/** \dn and \dn+: psql's listSchemas(). */
final class SchemaList {

    private SchemaList() {}

    static String list(
            CatalogReader catalogs,
            Optional<String> pattern,
            boolean verbose,
            boolean showSystem,
            String database,
            DisplaySettings settings)
            throws SQLException {
        StringBuilder select = new StringBuilder(
                """
                SELECT n.nspname AS "Name",
                  pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner\"""");
        if (verbose) {
            // psql 17 shows an empty (as opposed to default) privilege list as "(none)"
            select.append(
                    """
                    ,
                      CASE WHEN pg_catalog.array_length(n.nspacl, 1) = 0 THEN '(none)' \
                    ELSE pg_catalog.array_to_string(n.nspacl, E'\\n') END AS "Access privileges",
                      pg_catalog.obj_description(n.oid, 'pg_namespace') AS "Description\"""");
        }
        select.append("\nFROM pg_catalog.pg_namespace n\n");
        CatalogQuery query = new CatalogQuery(select.toString());
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), false, database).restrict(query, null, "n.nspname", null);
        } else if (!showSystem) {
            query.where("n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'");
        }
        QueryResult result = query.append("ORDER BY 1").readFrom(catalogs);
        List<String> footers = pattern.isPresent() ? PublicationFooters.forSchema(catalogs, pattern.get()) : List.of();
        return result.print("List of schemas", footers, footers.isEmpty(), settings);
    }
}
