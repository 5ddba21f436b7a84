package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** The row-level security footers of a table: whether it is enabled and each policy. */
final class PolicyFooters {

    private PolicyFooters() {}

    // pg_get_userbyid rather than psql's join to pg_roles: the lab revokes pg_roles so that a
    // learner cannot list other learners' roles, and this gives the same names in the same order.
    static void add(CatalogReader catalogs, RelationInfo table, List<String> footers) throws SQLException {
        QueryResult policies = new CatalogQuery(
                        """
                SELECT pol.polname, pol.polpermissive,
                  CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select \
                pg_catalog.pg_get_userbyid(r) from pg_catalog.unnest(pol.polroles) r order by 1),',') END,
                  pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
                  pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),
                  CASE pol.polcmd
                    WHEN 'r' THEN 'SELECT'
                    WHEN 'a' THEN 'INSERT'
                    WHEN 'w' THEN 'UPDATE'
                    WHEN 'd' THEN 'DELETE'
                    END AS cmd
                FROM pg_catalog.pg_policy pol
                WHERE pol.polrelid = CAST(? AS pg_catalog.oid) ORDER BY 1""",
                        table.oid())
                .readFrom(catalogs);
        boolean any = !policies.isEmpty();
        if (table.rowSecurity()) {
            String forced = table.forceRowSecurity() ? "forced row security enabled" : "row security enabled";
            if (any) {
                footers.add(table.forceRowSecurity() ? "Policies (forced row security enabled):" : "Policies:");
            } else {
                footers.add("Policies (" + forced + "): (none)");
            }
        } else if (any) {
            footers.add("Policies (row security disabled):");
        }
        for (int i = 0; i < policies.size(); i++) {
            StringBuilder line = new StringBuilder("    POLICY \"")
                    .append(policies.text(i, 0))
                    .append('"');
            if (!policies.isTrue(i, 1)) {
                line.append(" AS RESTRICTIVE");
            }
            if (!policies.isNull(i, 5)) {
                line.append(" FOR ").append(policies.text(i, 5));
            }
            if (!policies.isNull(i, 2)) {
                line.append("\n      TO ").append(policies.text(i, 2));
            }
            if (!policies.isNull(i, 3)) {
                line.append("\n      USING (").append(policies.text(i, 3)).append(')');
            }
            if (!policies.isNull(i, 4)) {
                line.append("\n      WITH CHECK (").append(policies.text(i, 4)).append(')');
            }
            footers.add(line.toString());
        }
    }
}
