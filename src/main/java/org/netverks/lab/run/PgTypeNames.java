package org.netverks.lab.run;

import java.util.Map;
import java.util.function.IntFunction;

/** Column type names as SQL writes them ("integer", "numeric(12,2)"), from a field's OID and modifier. */
final class PgTypeNames {

    private static final Map<Integer, String> COMMON = Map.ofEntries(
            Map.entry(16, "boolean"),
            Map.entry(17, "bytea"),
            Map.entry(18, "\"char\""),
            Map.entry(19, "name"),
            Map.entry(20, "bigint"),
            Map.entry(21, "smallint"),
            Map.entry(23, "integer"),
            Map.entry(25, "text"),
            Map.entry(26, "oid"),
            Map.entry(114, "json"),
            Map.entry(700, "real"),
            Map.entry(701, "double precision"),
            Map.entry(790, "money"),
            Map.entry(869, "inet"),
            Map.entry(1042, "character"),
            Map.entry(1043, "character varying"),
            Map.entry(1082, "date"),
            Map.entry(1083, "time without time zone"),
            Map.entry(1114, "timestamp without time zone"),
            Map.entry(1184, "timestamp with time zone"),
            Map.entry(1186, "interval"),
            Map.entry(1700, "numeric"),
            Map.entry(2950, "uuid"),
            Map.entry(3802, "jsonb"),
            Map.entry(1007, "integer[]"),
            Map.entry(1009, "text[]"),
            Map.entry(1016, "bigint[]"));

    private PgTypeNames() {}

    /** {@code lookUp} names a type this class does not know (the connection's type cache), or gives null. */
    static String describe(int oid, int modifier, IntFunction<String> lookUp) {
        String base = COMMON.get(oid);
        if (base == null) {
            base = lookUp.apply(oid);
            return base == null ? "oid " + oid : base;
        }
        if (modifier < 0) {
            return base;
        }
        return switch (oid) {
            case 1700 -> base + "(" + ((modifier - 4) >> 16) + "," + ((modifier - 4) & 0xffff) + ")";
            case 1042, 1043 -> base + "(" + (modifier - 4) + ")";
            default -> base;
        };
    }
}
