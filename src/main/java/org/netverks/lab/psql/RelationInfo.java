package org.netverks.lab.psql;

import java.sql.SQLException;

/** What psql's describeOneTableDetails() first reads about a relation from pg_class. */
record RelationInfo(
        long oid,
        String schema,
        String name,
        int checks,
        char kind,
        boolean hasIndex,
        boolean hasRules,
        boolean hasTriggers,
        boolean rowSecurity,
        boolean forceRowSecurity,
        boolean isPartition,
        String options,
        String ofType,
        char persistence,
        char replicaIdentity,
        String accessMethod) {

    static RelationInfo load(CatalogReader catalogs, long oid, String schema, String name, boolean verbose)
            throws SQLException {
        String options = verbose
                ? "pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x "
                        + "from pg_catalog.unnest(tc.reloptions) x), ', ')"
                : "''";
        // psql's query column for column (tablespace and OIDs included), to compare with psql -E
        QueryResult result = new CatalogQuery(
                        """
                SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, \
                c.relforcerowsecurity, false AS relhasoids, c.relispartition, %s, c.reltablespace, \
                CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, \
                c.relpersistence, c.relreplident, am.amname
                FROM pg_catalog.pg_class c
                 LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
                LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
                WHERE c.oid = CAST(? AS pg_catalog.oid)"""
                                .formatted(options),
                        oid)
                .readFrom(catalogs);
        if (result.isEmpty()) {
            // the relation was dropped between finding it and describing it
            throw new MetaCommandException("Did not find any relation with OID " + oid + ".");
        }
        return new RelationInfo(
                oid,
                schema,
                name,
                Integer.parseInt(result.text(0, 0)),
                result.text(0, 1).charAt(0),
                result.isTrue(0, 2),
                result.isTrue(0, 3),
                result.isTrue(0, 4),
                result.isTrue(0, 5),
                result.isTrue(0, 6),
                result.isTrue(0, 8),
                result.text(0, 9),
                result.text(0, 11),
                result.text(0, 12).charAt(0),
                result.text(0, 13).charAt(0),
                result.isNull(0, 14) ? null : result.text(0, 14));
    }

    boolean is(char... kinds) {
        for (char candidate : kinds) {
            if (kind == candidate) {
                return true;
            }
        }
        return false;
    }

    boolean unlogged() {
        return persistence == 'u';
    }

    /** "Table "public.customers"" and the other titles psql gives each kind of relation. */
    String title() {
        String qualified = "\"" + schema + "." + name + "\"";
        return switch (kind) {
            case 'r' -> (unlogged() ? "Unlogged table " : "Table ") + qualified;
            case 'v' -> "View " + qualified;
            case 'm' -> "Materialized view " + qualified;
            case 'i' -> (unlogged() ? "Unlogged index " : "Index ") + qualified;
            case 'I' -> (unlogged() ? "Unlogged partitioned index " : "Partitioned index ") + qualified;
            case 't' -> "TOAST table " + qualified;
            case 'c' -> "Composite type " + qualified;
            case 'f' -> "Foreign table " + qualified;
            case 'p' -> (unlogged() ? "Unlogged partitioned table " : "Partitioned table ") + qualified;
            case 'S' -> (unlogged() ? "Unlogged sequence " : "Sequence ") + qualified;
            default -> "?" + kind + "? " + qualified;
        };
    }
}
