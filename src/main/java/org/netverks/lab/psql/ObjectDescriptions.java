package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/**
 * \dd: psql's objectDescription(), the comments on the objects that no other backslash command
 * shows with their comment: constraints of tables and domains, operator classes and families,
 * rules and triggers. Each kind is one part of a UNION with its own name and visibility rule.
 */
final class ObjectDescriptions {

    private ObjectDescriptions() {}

    /** One kind of object: its SELECT, whether its conditions extend a WHERE or JOIN it ends with, its name column and visibility rule. */
    private record Kind(String select, boolean conditionsContinue, String nameColumn, String visibilityRule) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    """
                      SELECT pgc.oid as oid, pgc.tableoid AS tableoid,
                      n.nspname as nspname,
                      CAST(pgc.conname AS pg_catalog.text) as name,  CAST('table constraint' AS pg_catalog.text) as object
                      FROM pg_catalog.pg_constraint pgc
                        JOIN pg_catalog.pg_class c ON c.oid = pgc.conrelid
                        LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = c.relnamespace
                    """,
                    false,
                    "pgc.conname",
                    "pg_catalog.pg_table_is_visible(c.oid)"),
            new Kind(
                    """
                    UNION ALL
                      SELECT pgc.oid as oid, pgc.tableoid AS tableoid,
                      n.nspname as nspname,
                      CAST(pgc.conname AS pg_catalog.text) as name,  CAST('domain constraint' AS pg_catalog.text) as object
                      FROM pg_catalog.pg_constraint pgc
                        JOIN pg_catalog.pg_type t ON t.oid = pgc.contypid
                        LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = t.typnamespace
                    """,
                    false,
                    "pgc.conname",
                    "pg_catalog.pg_type_is_visible(t.oid)"),
            new Kind(
                    """
                    UNION ALL
                      SELECT o.oid as oid, o.tableoid as tableoid,
                      n.nspname as nspname,
                      CAST(o.opcname AS pg_catalog.text) as name,
                      CAST('operator class' AS pg_catalog.text) as object
                      FROM pg_catalog.pg_opclass o
                        JOIN pg_catalog.pg_am am ON o.opcmethod = am.oid
                        JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace
                    """,
                    true,
                    "o.opcname",
                    "pg_catalog.pg_opclass_is_visible(o.oid)"),
            new Kind(
                    """
                    UNION ALL
                      SELECT opf.oid as oid, opf.tableoid as tableoid,
                      n.nspname as nspname,
                      CAST(opf.opfname AS pg_catalog.text) AS name,
                      CAST('operator family' AS pg_catalog.text) as object
                      FROM pg_catalog.pg_opfamily opf
                        JOIN pg_catalog.pg_am am ON opf.opfmethod = am.oid
                        JOIN pg_catalog.pg_namespace n ON opf.opfnamespace = n.oid
                    """,
                    true,
                    "opf.opfname",
                    "pg_catalog.pg_opfamily_is_visible(opf.oid)"),
            // the _RETURN rules are how views work, not rules anyone wrote
            new Kind(
                    """
                    UNION ALL
                      SELECT r.oid as oid, r.tableoid as tableoid,
                      n.nspname as nspname,
                      CAST(r.rulename AS pg_catalog.text) as name,  CAST('rule' AS pg_catalog.text) as object
                      FROM pg_catalog.pg_rewrite r
                           JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
                           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                      WHERE r.rulename != '_RETURN'
                    """,
                    true,
                    "r.rulename",
                    "pg_catalog.pg_table_is_visible(c.oid)"),
            new Kind(
                    """
                    UNION ALL
                      SELECT t.oid as oid, t.tableoid as tableoid,
                      n.nspname as nspname,
                      CAST(t.tgname AS pg_catalog.text) as name,  CAST('trigger' AS pg_catalog.text) as object
                      FROM pg_catalog.pg_trigger t
                           JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    """,
                    false,
                    "t.tgname",
                    "pg_catalog.pg_table_is_visible(c.oid)"));

    static String list(
            CatalogReader catalogs,
            Optional<String> pattern,
            boolean showSystem,
            String database,
            DisplaySettings settings)
            throws SQLException {
        // parsed once, so a bad pattern fails before any query, as in psql
        Optional<NamePattern> names = pattern.map(text -> NamePattern.parse(text, true, database));
        CatalogQuery query = new CatalogQuery(
                """
                SELECT DISTINCT tt.nspname AS "Schema", tt.name AS "Name", tt.object AS "Object", \
                d.description AS "Description"
                FROM (
                """);
        for (Kind kind : KINDS) {
            query.appendPart(kind.select(), kind.conditionsContinue());
            if (names.isPresent()) {
                names.get().restrict(query, "n.nspname", kind.nameColumn(), kind.visibilityRule());
            } else {
                if (!showSystem) {
                    query.where("n.nspname <> 'pg_catalog'").where("n.nspname <> 'information_schema'");
                }
                query.where(kind.visibilityRule());
            }
        }
        query.append(
                """
                ) AS tt
                  JOIN pg_catalog.pg_description d ON (tt.oid = d.objoid AND tt.tableoid = d.classoid AND d.objsubid = 0)
                ORDER BY 1, 2, 3""");
        return query.readFrom(catalogs).print("Object descriptions", List.of(), true, settings);
    }
}
