package org.netverks.lab.plan;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the output of {@code EXPLAIN (..., FORMAT JSON)} into both the text psql would have shown
 * for the same options and a tree, so that the learner's statement runs only once.
 */
public final class PlanRenderer {

    /** Floats as BigDecimal with their trailing zeros, so that "0.00" is printed back as "0.00". */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public PlanRenderer() {}

    /**
     * From the single-row, single-column output of EXPLAIN (... FORMAT JSON). When a rule made
     * several statements out of one, the text shows every plan, separated by an empty line as
     * PostgreSQL does, and the tree, times and footer are those of the first.
     */
    public PlanResult render(String json) {
        JsonNode queries = JSON.readTree(json);
        NodeDetails details = new NodeDetails(isVerbose(queries));
        List<String> lines = new ArrayList<>();
        JsonNode first = null;
        List<String> firstFooter = List.of();
        for (JsonNode query : queries.values()) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            if (!query.isObject()) {
                lines.addAll(placeholder(query.asString()));
                continue;
            }
            PlanText.write(query.get("Plan"), 0, details, lines);
            List<String> footer = SummaryLines.of(query, details.verbose());
            lines.addAll(footer);
            if (first == null) {
                first = query;
                firstFooter = footer;
            }
        }
        if (queries.isEmpty()) {
            lines.add("Query rewrites to nothing");
        }
        String text = String.join("\n", lines);
        if (first == null) {
            return new PlanResult(text, null, null, null, List.of());
        }
        return new PlanResult(
                text,
                PlanTree.build(first.get("Plan"), details),
                JsonValues.decimal(first, "Planning Time"),
                JsonValues.decimal(first, "Execution Time"),
                firstFooter);
    }

    /**
     * FORMAT JSON does not say whether VERBOSE was given, but VERBOSE adds "Output" to every node
     * with a target list and "Schema" to every relation, so any plan with either was verbose.
     */
    private static boolean isVerbose(JsonNode queries) {
        return queries.findValue("Output") != null
                || queries.findValue("Schema") != null
                || queries.findValue("Query Identifier") != null;
    }

    /**
     * What FORMAT TEXT prints where FORMAT JSON has a bare string instead of a plan: "Notify" for a
     * rule that turned the statement into a NOTIFY, and "CREATE TABLE AS" (IF NOT EXISTS, for a
     * table that exists), for which text prints nothing at all.
     */
    private static List<String> placeholder(String kind) {
        return kind.equals("Notify") ? List.of("NOTIFY") : List.of();
    }
}
