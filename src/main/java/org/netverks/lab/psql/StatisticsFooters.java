package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The "Statistics objects:" footer: extended statistics made with CREATE STATISTICS. */
final class StatisticsFooters {

    private StatisticsFooters() {}

    static void add(CatalogReader catalogs, RelationInfo table, List<String> footers) throws SQLException {
        QueryResult statistics = new CatalogQuery(
                        """
                SELECT oid, stxrelid::pg_catalog.regclass, \
                stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
                pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
                  'd' = any(stxkind) AS ndist_enabled,
                  'f' = any(stxkind) AS deps_enabled,
                  'm' = any(stxkind) AS mcv_enabled,
                stxstattarget
                FROM pg_catalog.pg_statistic_ext
                WHERE stxrelid = CAST(? AS pg_catalog.oid)
                ORDER BY nsp, stxname""",
                        table.oid())
                .readFrom(catalogs);
        if (statistics.isEmpty()) {
            return;
        }
        footers.add("Statistics objects:");
        for (int i = 0; i < statistics.size(); i++) {
            StringBuilder line = new StringBuilder("    \"")
                    .append(statistics.text(i, 2))
                    .append('.')
                    .append(statistics.text(i, 3))
                    .append('"');
            List<String> kinds = new ArrayList<>();
            if (statistics.isTrue(i, 5)) {
                kinds.add("ndistinct");
            }
            if (statistics.isTrue(i, 6)) {
                kinds.add("dependencies");
            }
            if (statistics.isTrue(i, 7)) {
                kinds.add("mcv");
            }
            // none: statistics on one expression; all three: what CREATE STATISTICS gives by default
            if (!kinds.isEmpty() && kinds.size() < 3) {
                line.append(" (").append(String.join(", ", kinds)).append(')');
            }
            line.append(" ON ").append(statistics.text(i, 4)).append(" FROM ").append(statistics.text(i, 1));
            // PostgreSQL 17 stores a default statistics target as NULL (earlier versions as -1)
            if (!statistics.isNull(i, 8) && !statistics.text(i, 8).equals("-1")) {
                line.append("; STATISTICS ").append(statistics.text(i, 8));
            }
            footers.add(line.toString());
        }
    }
}
