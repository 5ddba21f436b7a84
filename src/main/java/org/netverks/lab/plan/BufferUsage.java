package org.netverks.lab.plan;

import static org.netverks.lab.plan.JsonValues.isPositive;
import static org.netverks.lab.plan.JsonValues.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The "Buffers:" and "I/O Timings:" lines of explain.c's show_buffer_usage. FORMAT JSON always
 * lists every counter; FORMAT TEXT shows only those above zero, and no line at all when all are zero.
 */
final class BufferUsage {

    /** Every property show_buffer_usage writes in FORMAT JSON; the first one starts the group. */
    static final Set<String> PROPERTIES = Set.of(
            "Shared Hit Blocks",
            "Shared Read Blocks",
            "Shared Dirtied Blocks",
            "Shared Written Blocks",
            "Local Hit Blocks",
            "Local Read Blocks",
            "Local Dirtied Blocks",
            "Local Written Blocks",
            "Temp Read Blocks",
            "Temp Written Blocks",
            "Shared I/O Read Time",
            "Shared I/O Write Time",
            "Local I/O Read Time",
            "Local I/O Write Time",
            "Temp I/O Read Time",
            "Temp I/O Write Time");

    static final String FIRST = "Shared Hit Blocks";

    private BufferUsage() {}

    static List<String> lines(JsonNode usage) {
        List<String> lines = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        addGroup(
                blocks,
                usage,
                "shared",
                new String[] {"hit", "read", "dirtied", "written"},
                "Shared Hit Blocks",
                "Shared Read Blocks",
                "Shared Dirtied Blocks",
                "Shared Written Blocks");
        addGroup(
                blocks,
                usage,
                "local",
                new String[] {"hit", "read", "dirtied", "written"},
                "Local Hit Blocks",
                "Local Read Blocks",
                "Local Dirtied Blocks",
                "Local Written Blocks");
        addGroup(blocks, usage, "temp", new String[] {"read", "written"}, "Temp Read Blocks", "Temp Written Blocks");
        if (!blocks.isEmpty()) {
            lines.add("Buffers: " + String.join(", ", blocks));
        }
        List<String> timings = new ArrayList<>();
        String[] readWrite = {"read", "write"};
        addGroup(timings, usage, "shared", readWrite, "Shared I/O Read Time", "Shared I/O Write Time");
        addGroup(timings, usage, "local", readWrite, "Local I/O Read Time", "Local I/O Write Time");
        addGroup(timings, usage, "temp", readWrite, "Temp I/O Read Time", "Temp I/O Write Time");
        if (!timings.isEmpty()) {
            lines.add("I/O Timings: " + String.join(", ", timings));
        }
        return lines;
    }

    /** "shared hit=12 read=3": the group's name and its counters above zero, or nothing. */
    private static void addGroup(
            List<String> groups, JsonNode usage, String name, String[] labels, String... properties) {
        StringBuilder group = new StringBuilder(name);
        boolean any = false;
        for (int i = 0; i < properties.length; i++) {
            if (isPositive(usage, properties[i])) {
                group.append(' ').append(labels[i]).append('=').append(text(usage, properties[i]));
                any = true;
            }
        }
        if (any) {
            groups.add(group.toString());
        }
    }
}
