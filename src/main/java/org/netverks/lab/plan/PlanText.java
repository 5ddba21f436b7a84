package org.netverks.lab.plan;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Draws a plan tree the way explain.c's ExplainNode indents it in FORMAT TEXT. */
final class PlanText {

    private PlanText() {}

    /**
     * Appends the lines of {@code node} and its children. A child is drawn as "->  " two spaces
     * deeper than its parent's detail lines; its own details line up under its name; a subplan's
     * name ("SubPlan 1", "CTE x") gets a line of its own above it.
     */
    static void write(JsonNode node, int indent, NodeDetails details, List<String> lines) {
        int depth = indent;
        if (node.has("Subplan Name")) {
            lines.add(spaces(depth) + JsonValues.string(node, "Subplan Name"));
            depth++;
        }
        String headline = NodeHeadline.line(node);
        if (depth > 0) {
            lines.add(spaces(depth) + "->  " + headline);
            depth += 2;
        } else {
            lines.add(headline);
        }
        depth++;
        for (TextLine line : details.of(node)) {
            lines.add(line.indented(depth));
        }
        for (JsonNode child : node.path("Plans").values()) {
            write(child, depth, details, lines);
        }
    }

    private static String spaces(int depth) {
        return "  ".repeat(depth);
    }
}
