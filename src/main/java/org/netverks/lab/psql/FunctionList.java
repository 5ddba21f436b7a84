package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/** \df and \df+: psql's describeFunctions() for all kinds of functions, as psql 17 lays it out. */
final class FunctionList {

    private FunctionList() {}

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
                SELECT n.nspname as "Schema",
                  p.proname as "Name",
                  pg_catalog.pg_get_function_result(p.oid) as "Result data type",
                  pg_catalog.pg_get_function_arguments(p.oid) as "Argument data types",
                 CASE p.prokind
                  WHEN 'a' THEN 'agg'
                  WHEN 'w' THEN 'window'
                  WHEN 'p' THEN 'proc'
                  ELSE 'func'
                 END as "Type\"""");
        if (verbose) {
            // psql 16 replaced 15's "Source code" column with "Internal name"; 17 shows empty ACLs as "(none)"
            select.append(
                    """
                    ,
                     CASE
                      WHEN p.provolatile = 'i' THEN 'immutable'
                      WHEN p.provolatile = 's' THEN 'stable'
                      WHEN p.provolatile = 'v' THEN 'volatile'
                     END as "Volatility",
                     CASE
                      WHEN p.proparallel = 'r' THEN 'restricted'
                      WHEN p.proparallel = 's' THEN 'safe'
                      WHEN p.proparallel = 'u' THEN 'unsafe'
                     END as "Parallel",
                     pg_catalog.pg_get_userbyid(p.proowner) as "Owner",
                     CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS "Security",
                     CASE WHEN pg_catalog.array_length(p.proacl, 1) = 0 THEN '(none)' \
                    ELSE pg_catalog.array_to_string(p.proacl, E'\\n') END AS "Access privileges",
                     l.lanname as "Language",
                     CASE WHEN l.lanname IN ('internal', 'c') THEN p.prosrc END as "Internal name",
                     pg_catalog.obj_description(p.oid, 'pg_proc') as "Description\"""");
        }
        select.append(
                """

                FROM pg_catalog.pg_proc p
                     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                """);
        if (verbose) {
            select.append("     LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n");
        }
        CatalogQuery query = new CatalogQuery(select.toString());
        String visibility = "pg_catalog.pg_function_is_visible(p.oid)";
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), true, database).restrict(query, "n.nspname", "p.proname", visibility);
        } else {
            query.where(visibility);
            if (!showSystem) {
                query.where("n.nspname <> 'pg_catalog'").where("n.nspname <> 'information_schema'");
            }
        }
        QueryResult result = query.append("ORDER BY 1, 2, 4").readFrom(catalogs);
        return result.print("List of functions", List.of(), true, settings);
    }
}
