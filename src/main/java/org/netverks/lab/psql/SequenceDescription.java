package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import org.netverks.lab.shared.DisplaySettings;

/** \d of a sequence: its parameters in one row, and the column that owns it. */
final class SequenceDescription {

    private SequenceDescription() {}

    static String describe(CatalogReader catalogs, RelationInfo sequence, DisplaySettings settings)
            throws SQLException {
        QueryResult parameters = new CatalogQuery(
                        """
                SELECT pg_catalog.format_type(seqtypid, NULL) AS "Type",
                       seqstart AS "Start",
                       seqmin AS "Minimum",
                       seqmax AS "Maximum",
                       seqincrement AS "Increment",
                       CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS "Cycles?",
                       seqcache AS "Cache"
                FROM pg_catalog.pg_sequence
                WHERE seqrelid = CAST(? AS pg_catalog.oid)""",
                        sequence.oid())
                .readFrom(catalogs);
        QueryResult owner = new CatalogQuery(
                        """
                SELECT pg_catalog.quote_ident(nspname) || '.' ||
                   pg_catalog.quote_ident(relname) || '.' ||
                   pg_catalog.quote_ident(attname),
                   d.deptype
                FROM pg_catalog.pg_class c
                INNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid
                INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace
                INNER JOIN pg_catalog.pg_attribute a ON (
                 a.attrelid=c.oid AND
                 a.attnum=d.refobjsubid)
                WHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass
                 AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass
                 AND d.objid=CAST(? AS pg_catalog.oid)
                 AND d.deptype IN ('a', 'i')""",
                        sequence.oid())
                .readFrom(catalogs);
        List<String> footers = List.of();
        // there should be at most one owner; psql shows nothing rather than guess among several
        if (owner.size() == 1) {
            footers = List.of((owner.text(0, 1).equals("a") ? "Owned by: " : "Sequence for identity column: ")
                    + owner.text(0, 0));
        }
        return parameters.print(sequence.title(), footers, false, settings);
    }
}
