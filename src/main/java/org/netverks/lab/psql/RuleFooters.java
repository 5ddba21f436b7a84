package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** Rewrite rules of a table (grouped by when they fire) or of a view (under its definition). */
final class RuleFooters {

    private static final List<String> TABLE_HEADINGS =
            List.of("O:Rules:", "D:Disabled rules:", "A:Rules firing always:", "R:Rules firing on replica only:");

    // pg_get_ruledef() starts every definition with "CREATE RULE ", which psql leaves out
    private static final int CREATE_RULE = "CREATE RULE ".length();

    private RuleFooters() {}

    static void addForTable(CatalogReader catalogs, RelationInfo table, List<String> footers) throws SQLException {
        QueryResult rules = new CatalogQuery(
                        """
                SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), ev_enabled
                FROM pg_catalog.pg_rewrite r
                WHERE r.ev_class = CAST(? AS pg_catalog.oid) ORDER BY 1""",
                        table.oid())
                .readFrom(catalogs);
        for (String heading : TABLE_HEADINGS) {
            String enabled = heading.substring(0, 1);
            boolean headed = false;
            for (int i = 0; i < rules.size(); i++) {
                if (rules.text(i, 2).equals(enabled)) {
                    if (!headed) {
                        footers.add(heading.substring(2));
                        headed = true;
                    }
                    footers.add("    " + rules.text(i, 1).substring(CREATE_RULE));
                }
            }
        }
    }

    static void addForView(CatalogReader catalogs, RelationInfo view, List<String> footers) throws SQLException {
        QueryResult rules = new CatalogQuery(
                        """
                SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))
                FROM pg_catalog.pg_rewrite r
                WHERE r.ev_class = CAST(? AS pg_catalog.oid) AND r.rulename != '_RETURN' ORDER BY 1""",
                        view.oid())
                .readFrom(catalogs);
        if (!rules.isEmpty()) {
            footers.add("Rules:");
            for (int i = 0; i < rules.size(); i++) {
                footers.add(" " + rules.text(i, 1).substring(CREATE_RULE));
            }
        }
    }
}
