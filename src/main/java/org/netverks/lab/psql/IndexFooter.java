package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;

/** The line under \d of an index: "primary key, btree, for table "public.customers"" and its flags. */
final class IndexFooter {

    private IndexFooter() {}

    static void add(CatalogReader catalogs, RelationInfo index, List<String> footers) throws SQLException {
        QueryResult result = new CatalogQuery(
                        """
                SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,
                  (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid \
                AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,
                  (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid \
                AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,
                i.indisreplident,
                i.indnullsnotdistinct,
                  a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)
                FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a
                WHERE i.indexrelid = c.oid AND c.oid = CAST(? AS pg_catalog.oid) AND c.relam = a.oid
                AND i.indrelid = c2.oid""",
                        index.oid())
                .readFrom(catalogs);
        if (result.size() != 1) {
            return;
        }
        StringBuilder line = new StringBuilder();
        if (result.isTrue(0, 1)) {
            line.append("primary key, ");
        } else if (result.isTrue(0, 0)) {
            line.append(result.isTrue(0, 7) ? "unique nulls not distinct, " : "unique, ");
        }
        line.append(result.text(0, 8)).append(", ");
        // psql assumes, as we do, that an index lives in its table's schema
        line.append("for table \"")
                .append(index.schema())
                .append('.')
                .append(result.text(0, 9))
                .append('"');
        if (!result.text(0, 10).isEmpty()) {
            line.append(", predicate (").append(result.text(0, 10)).append(')');
        }
        if (result.isTrue(0, 2)) {
            line.append(", clustered");
        }
        if (!result.isTrue(0, 3)) {
            line.append(", invalid");
        }
        if (result.isTrue(0, 4)) {
            line.append(", deferrable");
        }
        if (result.isTrue(0, 5)) {
            line.append(", initially deferred");
        }
        if (result.isTrue(0, 6)) {
            line.append(", replica identity");
        }
        footers.add(line.toString());
    }
}
