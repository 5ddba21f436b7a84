package org.netverks.lab.plan;

import static org.netverks.lab.plan.JsonValues.string;
import static org.netverks.lab.plan.JsonValues.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The lines FORMAT TEXT prints after the plan tree: Settings, Planning buffers and memory,
 * Planning Time, triggers, serialization and Execution Time, in the order explain.c writes them.
 */
final class SummaryLines {

    private SummaryLines() {}

    /** @param query one element of the FORMAT JSON array: {"Plan": ..., "Planning Time": ..., ...} */
    static List<String> of(JsonNode query, boolean verbose) {
        List<String> lines = new ArrayList<>();
        for (var property : query.properties()) {
            JsonNode value = property.getValue();
            switch (property.getKey()) {
                case "Settings" -> settings(lines, value);
                case "Query Identifier" -> lines.add("Query Identifier: " + text(value));
                case "Planning" -> planning(lines, value);
                case "Planning Time", "Execution Time" -> lines.add(property.getKey() + ": " + text(value) + " ms");
                case "Triggers" -> triggers(lines, value, verbose);
                case "Serialization" -> serialization(lines, value);
                default -> {
                    // "Plan" is drawn by PlanText; JIT cannot occur on our server (built without LLVM)
                }
            }
        }
        return lines;
    }

    /** "Settings: enable_seqscan = 'off', work_mem = '64kB'"; nothing when no setting differs. */
    private static void settings(List<String> lines, JsonNode settings) {
        List<String> pairs = new ArrayList<>();
        for (var setting : settings.properties()) {
            JsonNode value = setting.getValue();
            pairs.add(setting.getKey() + " = " + (value.isNull() ? "NULL" : "'" + value.asString() + "'"));
        }
        if (!pairs.isEmpty()) {
            lines.add("Settings: " + String.join(", ", pairs));
        }
    }

    /** "Planning:" with the planner's buffers (only non-zero ones) and memory (MEMORY option). */
    private static void planning(List<String> lines, JsonNode planning) {
        List<String> under = new ArrayList<>(BufferUsage.lines(planning));
        if (planning.has("Memory Used")) {
            under.add("Memory: used=" + text(planning, "Memory Used") + "kB  allocated="
                    + text(planning, "Memory Allocated") + "kB");
        }
        if (!under.isEmpty()) {
            lines.add("Planning:");
            under.forEach(line -> lines.add("  " + line));
        }
    }

    /**
     * "Trigger for constraint orders_customer_id_fkey: time=0.123 calls=1". Text names the trigger
     * of a constraint only with VERBOSE. It names the relation when several result relations are
     * involved; JSON does not say how many there were, so we name it when the triggers span more
     * than one relation.
     */
    private static void triggers(List<String> lines, JsonNode triggers, boolean verbose) {
        Set<String> relations = new HashSet<>();
        triggers.values().forEach(trigger -> relations.add(string(trigger, "Relation")));
        for (JsonNode trigger : triggers.values()) {
            String constraint = string(trigger, "Constraint Name");
            StringBuilder line = new StringBuilder("Trigger");
            if (verbose || constraint == null) {
                line.append(' ').append(string(trigger, "Trigger Name"));
            }
            if (constraint != null) {
                line.append(" for constraint ").append(constraint);
            }
            if (relations.size() > 1) {
                line.append(" on ").append(string(trigger, "Relation"));
            }
            line.append(": ");
            if (trigger.has("Time")) {
                line.append("time=").append(text(trigger, "Time")).append(' ');
            }
            lines.add(line.append("calls=").append(text(trigger, "Calls")).toString());
        }
    }

    /** SERIALIZE: "Serialization: time=0.012 ms  output=2kB  format=text" and its buffers. */
    private static void serialization(List<String> lines, JsonNode serialization) {
        String time = serialization.has("Time") ? "time=" + text(serialization, "Time") + " ms  " : "";
        lines.add("Serialization: " + time + "output=" + text(serialization, "Output Volume") + "kB  format="
                + string(serialization, "Format"));
        BufferUsage.lines(serialization).forEach(line -> lines.add("  " + line));
    }
}
