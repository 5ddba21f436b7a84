package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/**
 * \dp and its alias \z: psql 17's permissionsList(), the privileges on tables, views, materialized
 * views, sequences and foreign tables, with their columns' privileges and row security policies.
 */
final class AccessPrivileges {

    private AccessPrivileges() {}

    static String list(
            CatalogReader catalogs,
            Optional<String> pattern,
            boolean showSystem,
            String database,
            DisplaySettings settings)
            throws SQLException {
        // psql 17 shows an empty (as opposed to default) privilege list as "(none)"
        CatalogQuery query = new CatalogQuery(
                """
                SELECT n.nspname as "Schema",
                  c.relname as "Name",
                  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' \
                WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END as "Type",
                  CASE WHEN pg_catalog.array_length(c.relacl, 1) = 0 THEN '(none)' \
                ELSE pg_catalog.array_to_string(c.relacl, E'\\n') END AS "Access privileges",
                  pg_catalog.array_to_string(ARRAY(
                    SELECT attname || E':\\n  ' || pg_catalog.array_to_string(attacl, E'\\n  ')
                    FROM pg_catalog.pg_attribute a
                    WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL
                  ), E'\\n') AS "Column privileges",
                  pg_catalog.array_to_string(ARRAY(
                    SELECT polname
                    || CASE WHEN NOT polpermissive THEN E' (RESTRICTIVE)' ELSE '' END
                    || CASE WHEN polcmd != '*' THEN E' (' || polcmd::pg_catalog.text || E'):' ELSE E':' END
                    || CASE WHEN polqual IS NOT NULL THEN E'\\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid)
                       ELSE E'' END
                    || CASE WHEN polwithcheck IS NOT NULL
                       THEN E'\\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid) ELSE E'' END
                    || CASE WHEN polroles <> '{0}' THEN E'\\n  to: ' || pg_catalog.array_to_string(
                         ARRAY(SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ANY (polroles) ORDER BY 1), E', ')
                       ELSE E'' END
                    FROM pg_catalog.pg_policy pol
                    WHERE polrelid = c.oid), E'\\n')
                    AS "Policies"
                FROM pg_catalog.pg_class c
                     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                """);
        query.where("c.relkind IN ('r','v','m','S','f','p')");
        String visibility = "pg_catalog.pg_table_is_visible(c.oid)";
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), true, database).restrict(query, "n.nspname", "c.relname", visibility);
        } else {
            if (!showSystem) {
                query.where("n.nspname <> 'pg_catalog'").where("n.nspname <> 'information_schema'");
            }
            query.where(visibility);
        }
        return query.append("ORDER BY 1, 2").readFrom(catalogs).print("Access privileges", List.of(), true, settings);
    }
}
