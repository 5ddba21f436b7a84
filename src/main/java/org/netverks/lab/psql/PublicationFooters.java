package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** The "Publications:" footer: logical-replication publications that include a table or schema. */
final class PublicationFooters {

    private PublicationFooters() {}

    static void addForTable(CatalogReader catalogs, RelationInfo table, List<String> footers) throws SQLException {
        long oid = table.oid();
        QueryResult publications = new CatalogQuery(
                        """
                SELECT pubname
                     , NULL
                     , NULL
                FROM pg_catalog.pg_publication p
                     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
                     JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid
                WHERE pc.oid = CAST(? AS pg_catalog.oid) and pg_catalog.pg_relation_is_publishable(CAST(? AS pg_catalog.oid))
                UNION
                SELECT pubname
                     , pg_get_expr(pr.prqual, c.oid)
                     , (CASE WHEN pr.prattrs IS NOT NULL THEN
                         (SELECT string_agg(attname, ', ')
                           FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                                pg_catalog.pg_attribute
                          WHERE attrelid = pr.prrelid AND attnum = prattrs[s])
                        ELSE NULL END) \
                FROM pg_catalog.pg_publication p
                     JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid
                     JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
                WHERE pr.prrelid = CAST(? AS pg_catalog.oid)
                UNION
                SELECT pubname
                     , NULL
                     , NULL
                FROM pg_catalog.pg_publication p
                WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable(CAST(? AS pg_catalog.oid))
                ORDER BY 1""",
                        oid,
                        oid,
                        oid,
                        oid)
                .readFrom(catalogs);
        if (!publications.isEmpty()) {
            footers.add("Publications:");
            for (int i = 0; i < publications.size(); i++) {
                StringBuilder line = new StringBuilder("    \"")
                        .append(publications.text(i, 0))
                        .append('"');
                if (!publications.isNull(i, 2)) {
                    line.append(" (").append(publications.text(i, 2)).append(')');
                }
                if (!publications.isNull(i, 1)) {
                    line.append(" WHERE ").append(publications.text(i, 1));
                }
                footers.add(line.toString());
            }
        }
    }

    /** psql looks publications up by the pattern exactly as typed, not as a pattern. */
    static List<String> forSchema(CatalogReader catalogs, String schemaName) throws SQLException {
        QueryResult publications = new CatalogQuery(
                        """
                SELECT pubname
                FROM pg_catalog.pg_publication p
                     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
                     JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
                WHERE n.nspname = ?
                ORDER BY 1""",
                        schemaName)
                .readFrom(catalogs);
        if (publications.isEmpty()) {
            return List.of();
        }
        List<String> footers = new java.util.ArrayList<>();
        footers.add("Publications:");
        for (int i = 0; i < publications.size(); i++) {
            footers.add("    \"" + publications.text(i, 0) + "\"");
        }
        return footers;
    }
}
