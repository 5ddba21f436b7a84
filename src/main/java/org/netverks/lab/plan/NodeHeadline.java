package org.netverks.lab.plan;

import static org.netverks.lab.plan.JsonValues.isTrue;
import static org.netverks.lab.plan.JsonValues.string;
import static org.netverks.lab.plan.JsonValues.text;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The first line of a plan node in FORMAT TEXT. FORMAT JSON splits it into separate properties
 * (Node Type, Strategy, Join Type, Relation Name, Alias, ...); explain.c's ExplainNode puts them
 * back together in this order.
 */
final class NodeHeadline {

    /** The properties that end up on the first line, so that detail lines skip them. */
    static final Set<String> PROPERTIES = Set.of(
            "Node Type",
            "Strategy",
            "Partial Mode",
            "Operation",
            "Parent Relationship",
            "Subplan Name",
            "Custom Plan Provider",
            "Parallel Aware",
            "Async Capable",
            "Join Type",
            "Command",
            "Scan Direction",
            "Index Name",
            "Relation Name",
            "Function Name",
            "Table Function Name",
            "CTE Name",
            "Tuplestore Name",
            "Schema",
            "Alias",
            "Startup Cost",
            "Total Cost",
            "Plan Rows",
            "Plan Width",
            "Actual Startup Time",
            "Actual Total Time",
            "Actual Rows",
            "Actual Loops",
            "Plans");

    private NodeHeadline() {}

    /** "Index Scan using bookings_pkey on bookings b": the first line without costs and timings. */
    static String title(JsonNode node) {
        StringBuilder line = new StringBuilder();
        if (isTrue(node, "Parallel Aware")) {
            line.append("Parallel ");
        }
        if (isTrue(node, "Async Capable")) {
            line.append("Async ");
        }
        String nodeType = string(node, "Node Type");
        line.append(displayName(node, nodeType));
        switch (nodeType) {
            case "Index Scan", "Index Only Scan" -> {
                if ("Backward".equals(string(node, "Scan Direction"))) {
                    line.append(" Backward");
                }
                line.append(" using ").append(Identifiers.quote(string(node, "Index Name")));
            }
            case "Bitmap Index Scan" -> line.append(" on ").append(Identifiers.quote(string(node, "Index Name")));
            case "Nested Loop", "Merge Join", "Hash Join" -> {
                String joinType = string(node, "Join Type");
                if (!"Inner".equals(joinType)) {
                    line.append(' ').append(joinType).append(" Join");
                } else if (!nodeType.equals("Nested Loop")) {
                    line.append(" Join");
                }
            }
            case "SetOp" -> line.append(' ').append(string(node, "Command"));
            default -> {
                // no further words for other node types
            }
        }
        // ExplainTargetRel emits Alias for every node it describes, so Alias marks a target.
        if (node.has("Alias")) {
            line.append(target(node));
        }
        return line.toString();
    }

    /** The whole first line: title, then "  (cost=...)" and " (actual ...)" when present. */
    static String line(JsonNode node) {
        StringBuilder line = new StringBuilder(title(node));
        if (node.has("Total Cost")) {
            line.append("  (cost=")
                    .append(text(node, "Startup Cost"))
                    .append("..")
                    .append(text(node, "Total Cost"))
                    .append(" rows=")
                    .append(text(node, "Plan Rows"))
                    .append(" width=")
                    .append(text(node, "Plan Width"))
                    .append(')');
        }
        if (node.has("Actual Loops")) {
            line.append(' ').append(actuals(node));
        }
        return line.toString();
    }

    /** "(actual time=0.010..0.020 rows=30 loops=1)", or "(never executed)". */
    private static String actuals(JsonNode node) {
        if (!JsonValues.isPositive(node, "Actual Loops")) {
            return "(never executed)";
        }
        return "(actual " + actualCounters(node) + ")";
    }

    /** "time=0.010..0.020 rows=30 loops=1", the part a worker's line shares with its node's. */
    static String actualCounters(JsonNode node) {
        String time = node.has("Actual Total Time")
                ? "time=" + text(node, "Actual Startup Time") + ".." + text(node, "Actual Total Time") + " "
                : "";
        return time + "rows=" + text(node, "Actual Rows") + " loops=" + text(node, "Actual Loops");
    }

    private static String displayName(JsonNode node, String nodeType) {
        return switch (nodeType) {
            case "Aggregate" ->
                partialMode(node)
                        + switch (String.valueOf(string(node, "Strategy"))) {
                            case "Sorted" -> "GroupAggregate";
                            case "Hashed" -> "HashAggregate";
                            case "Mixed" -> "MixedAggregate";
                            default -> "Aggregate";
                        };
            case "SetOp" -> "Hashed".equals(string(node, "Strategy")) ? "HashSetOp" : "SetOp";
            case "ModifyTable" -> string(node, "Operation");
            case "Foreign Scan" -> {
                String operation = string(node, "Operation");
                yield operation == null || operation.equals("Select") ? "Foreign Scan" : "Foreign " + operation;
            }
            case "Custom Scan" ->
                node.has("Custom Plan Provider")
                        ? "Custom Scan (" + string(node, "Custom Plan Provider") + ")"
                        : "Custom Scan";
            // for these two, the join type (or " Join") follows
            case "Merge Join" -> "Merge";
            case "Hash Join" -> "Hash";
            default -> nodeType;
        };
    }

    private static String partialMode(JsonNode node) {
        String mode = string(node, "Partial Mode");
        return mode == null || mode.equals("Simple") ? "" : mode + " ";
    }

    /** " on public.bookings b": the object named, then its alias when that differs. */
    static String target(JsonNode node) {
        String object =
                firstOf(node, "Relation Name", "Function Name", "Table Function Name", "CTE Name", "Tuplestore Name");
        String schema = string(node, "Schema");
        String alias = string(node, "Alias");
        StringBuilder target = new StringBuilder(" on");
        if (schema != null && object != null) {
            target.append(' ').append(Identifiers.quote(schema)).append('.').append(Identifiers.quote(object));
        } else if (object != null) {
            target.append(' ').append(Identifiers.quote(object));
        }
        if (object == null || !object.equals(alias)) {
            target.append(' ').append(Identifiers.quote(alias));
        }
        return target.toString();
    }

    private static String firstOf(JsonNode node, String... properties) {
        for (String property : properties) {
            if (node.has(property)) {
                return string(node, property);
            }
        }
        return null;
    }
}
