package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/** \dD[S]: psql's listDomains(), without +. */
final class DomainList {

    private DomainList() {}

    static String list(
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
        String visible = "pg_catalog.pg_type_is_visible(t.oid)";
        if (pattern.isPresent()) {
            NamePattern.parse(pattern.get(), true, database).restrict(query, "n.nspname", "t.typname", visible);
        } else {
            if (!showSystem) {
                query.where("n.nspname <> 'pg_catalog'");
                query.where("n.nspname <> 'information_schema'");
            }
            query.where(visible);
        }
        return query.append("ORDER BY 1, 2").readFrom(catalogs).print("List of domains", List.of(), true, settings);
    }
}
