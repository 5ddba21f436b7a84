package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** User-defined triggers of a table or view, grouped by whether and when they fire. */
final class TriggerFooters {

    private TriggerFooters() {}

    static void add(CatalogReader catalogs, RelationInfo relation, List<String> footers) throws SQLException {
        QueryResult triggers = new CatalogQuery(
                        """
                SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,
                  CASE WHEN t.tgparentid != 0 THEN
                    (SELECT u.tgrelid::pg_catalog.regclass
                     FROM pg_catalog.pg_trigger AS u,
                          pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)
                     WHERE u.tgname = t.tgname AND u.tgrelid = a.relid
                           AND u.tgparentid = 0
                     ORDER BY a.depth LIMIT 1)
                  END AS parent
                FROM pg_catalog.pg_trigger t
                WHERE t.tgrelid = CAST(? AS pg_catalog.oid) \
                AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))
                ORDER BY 1""",
                        relation.oid())
                .readFrom(catalogs);
        for (int category = 0; category <= 4; category++) {
            boolean headed = false;
            for (int i = 0; i < triggers.size(); i++) {
                if (!inCategory(category, triggers.text(i, 2), triggers.isTrue(i, 3))) {
                    continue;
                }
                if (!headed) {
                    footers.add(
                            switch (category) {
                                case 0 -> "Triggers:";
                                case 1 -> "Disabled user triggers:";
                                case 2 -> "Disabled internal triggers:";
                                case 3 -> "Triggers firing always:";
                                default -> "Triggers firing on replica only:";
                            });
                    headed = true;
                }
                // everything after "TRIGGER" is shown as the server wrote it
                String definition = triggers.text(i, 1);
                int trigger = definition.indexOf(" TRIGGER ");
                String line = "    " + (trigger >= 0 ? definition.substring(trigger + 9) : definition);
                if (!triggers.isNull(i, 4)) {
                    line += ", ON TABLE " + triggers.text(i, 4);
                }
                footers.add(line);
            }
        }
    }

    private static boolean inCategory(int category, String enabled, boolean internal) {
        boolean disabled = enabled.equals("D") || enabled.equals("f");
        return switch (category) {
            case 0 -> enabled.equals("O") || enabled.equals("t");
            case 1 -> disabled && !internal;
            case 2 -> disabled && internal;
            case 3 -> enabled.equals("A");
            default -> enabled.equals("R");
        };
    }
}
