package org.netverks.lab.plan;

import java.util.Optional;

/**
 * A learner's EXPLAIN statement, understood well enough to re-run it as FORMAT JSON.
 *
 * @param analyze         whether the statement will really run (ANALYZE given and not switched off)
 * @param jsonSql         the same statement with FORMAT JSON; null when the learner asked for a
 *                        format other than text, whose output the lab shows as PostgreSQL returns it
 * @param requestedFormat "text", "json", "yaml" or "xml"
 */
public record ExplainStatement(boolean analyze, String jsonSql, String requestedFormat) {

    /**
     * Parses "EXPLAIN ..." in all forms PostgreSQL accepts: "EXPLAIN stmt", "EXPLAIN ANALYZE stmt",
     * "EXPLAIN ANALYZE VERBOSE stmt", "EXPLAIN (ANALYZE, BUFFERS, COSTS off) stmt",
     * "explain (analyze true, format text) stmt", with comments, whitespace and newlines anywhere,
     * in any case. Empty when the statement is not an EXPLAIN.
     *
     * <p>jsonSql keeps every other option and the statement text byte for byte and replaces any
     * FORMAT option with FORMAT JSON. Options PostgreSQL would reject are kept as they are, so the
     * rewritten statement fails with the same error the learner's would.
     */
    public static Optional<ExplainStatement> parse(String sql) {
        return new ExplainParser(sql).parse();
    }
}
