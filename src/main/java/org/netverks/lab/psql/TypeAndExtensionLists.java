package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/**
 * \dT (psql's listTypes()), \dD (listDomains()) and \dx (listExtensions()), each without +, with
 * psql 17's queries.
 */
final class TypeAndExtensionLists {

    private static final String VISIBLE = "pg_catalog.pg_type_is_visible(t.oid)";

    private TypeAndExtensionLists() {}

    static String types(
            CatalogReader catalogs,
            Optional<String> pattern,
            boolean showSystem,
            String database,
            DisplaySettings settings)
            throws SQLException {
        CatalogQuery query = new CatalogQuery(
                """
                SELECT n.nspname as "Schema",
                  pg_catalog.format_type(t.oid, NULL) AS "Name",
                  pg_catalog.obj_description(t.oid, 'pg_type') as "Description"
                FROM pg_catalog.pg_type t
                     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                """);
        // composite types of tables are not types one declares; nor are the array types of others
        query.where("(t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))");
        query.where("NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)");
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), true, database)
                    .restrictEither(query, "n.nspname", "t.typname", "pg_catalog.format_type(t.oid, NULL)", VISIBLE);
        } else {
            visibleUserTypes(query, showSystem);
        }
        return query.append("ORDER BY 1, 2").readFrom(catalogs).print("List of data types", List.of(), true, settings);
    }

    static String domains(
            CatalogReader catalogs,
            Optional<String> pattern,
            boolean showSystem,
            String database,
            DisplaySettings settings)
            throws SQLException {
        CatalogQuery query = new CatalogQuery(
                """
                SELECT n.nspname as "Schema",
                       t.typname as "Name",
                       pg_catalog.format_type(t.typbasetype, t.typtypmod) as "Type",
                       (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type bt
                        WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype AND t.typcollation <> bt.typcollation) as "Collation",
                       CASE WHEN t.typnotnull THEN 'not null' END as "Nullable",
                       t.typdefault as "Default",
                       pg_catalog.array_to_string(ARRAY(
                         SELECT pg_catalog.pg_get_constraintdef(r.oid, true) FROM pg_catalog.pg_constraint r WHERE t.oid = r.contypid
                       ), ' ') as "Check"
                FROM pg_catalog.pg_type t
                     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                """);
        query.where("t.typtype = 'd'");
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), true, database).restrict(query, "n.nspname", "t.typname", VISIBLE);
        } else {
            visibleUserTypes(query, showSystem);
        }
        return query.append("ORDER BY 1, 2").readFrom(catalogs).print("List of domains", List.of(), true, settings);
    }

    /** Without a pattern psql lists the types the search path sees, PostgreSQL's own only with S. */
    private static void visibleUserTypes(CatalogQuery query, boolean showSystem) {
        if (!showSystem) {
            query.where("n.nspname <> 'pg_catalog'");
            query.where("n.nspname <> 'information_schema'");
        }
        query.where(VISIBLE);
    }

    static String extensions(
            CatalogReader catalogs, Optional<String> pattern, String database, DisplaySettings settings)
            throws SQLException {
        CatalogQuery query = new CatalogQuery(
                """
                SELECT e.extname AS "Name", e.extversion AS "Version", n.nspname AS "Schema", \
                c.description AS "Description"
                FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
                LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid \
                AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                """);
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), false, database).restrict(query, null, "e.extname", null);
        }
        return query.append("ORDER BY 1")
                .readFrom(catalogs)
                .print("List of installed extensions", List.of(), true, settings);
    }
}
