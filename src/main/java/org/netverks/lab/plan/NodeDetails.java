package org.netverks.lab.plan;

import static org.netverks.lab.plan.JsonValues.isPositive;
import static org.netverks.lab.plan.JsonValues.joined;
import static org.netverks.lab.plan.JsonValues.string;
import static org.netverks.lab.plan.JsonValues.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The detail lines under a plan node ("Filter: ...", "Sort Method: ...", "Buffers: ...").
 *
 * <p>explain.c writes both formats from the same calls in the same order, so the JSON properties
 * are walked in order and each becomes a text line. Where FORMAT TEXT packs several properties into
 * one line (sort space, hash buckets, buffers, ...) the first of them writes the line and the others
 * are skipped. Where FORMAT TEXT leaves out zero or false values, so does this class.
 */
final class NodeDetails {

    /** Counts FORMAT TEXT leaves out when zero (see rowsWereRemoved). */
    private static final Set<String> ROWS_REMOVED = Set.of(
            "Rows Removed by Filter",
            "Rows Removed by Index Recheck",
            "Rows Removed by Join Filter",
            "Rows Removed by Conflict Filter");

    /** Those of them that come from a learner's own conditions, which usually do remove rows. */
    private static final Set<String> FILTERS = Set.of("Rows Removed by Filter", "Rows Removed by Join Filter");

    private static final Map<String, List<String>> LINE_GROUPS = Map.of(
            "Sort Method", List.of("Sort Space Used", "Sort Space Type"),
            "Exact Heap Blocks", List.of("Lossy Heap Blocks"),
            "Hash Buckets",
                    List.of("Original Hash Buckets", "Hash Batches", "Original Hash Batches", "Peak Memory Usage"),
            "Planned Partitions", List.of("HashAgg Batches", "Peak Memory Usage", "Disk Usage"),
            "HashAgg Batches", List.of("Peak Memory Usage", "Disk Usage"),
            "Cache Hits", List.of("Cache Misses", "Cache Evictions", "Cache Overflows", "Peak Memory Usage"),
            "WAL Records", List.of("WAL FPI", "WAL Bytes"),
            "Sampling Method", List.of("Sampling Parameters", "Repeatable Seed"));

    /** A worker's number and counters make its "Worker N:  actual ..." line, not detail lines. */
    private static final Set<String> WORKER_HEADLINE = union(NodeHeadline.PROPERTIES, Set.of("Worker Number"));

    private final boolean verbose;

    /** @param verbose whether the EXPLAIN had VERBOSE, which FORMAT TEXT uses to show "Inner Unique" */
    NodeDetails(boolean verbose) {
        this.verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    /** The detail lines of one plan node, in FORMAT TEXT's order. */
    List<TextLine> of(JsonNode node) {
        return lines(node, NodeHeadline.PROPERTIES);
    }

    private List<TextLine> lines(JsonNode node, Set<String> skipped) {
        List<TextLine> lines = new ArrayList<>();
        Set<String> written = new HashSet<>(skipped);
        String operation = string(node, "Operation");
        for (var property : node.properties()) {
            String name = property.getKey();
            if (written.add(name)) {
                written.addAll(LINE_GROUPS.getOrDefault(name, List.of()));
                addLines(lines, node, name, property.getValue(), operation, written);
            }
        }
        return lines;
    }

    private void addLines(
            List<TextLine> lines, JsonNode node, String name, JsonNode value, String operation, Set<String> written) {
        switch (name) {
            case "Single Copy" -> {
                if (value.asBoolean()) {
                    add(lines, "Single Copy: true");
                }
            }
            case "Inner Unique" -> {
                // FORMAT TEXT is "not too chatty": only with VERBOSE, and only when true
                if (verbose && value.asBoolean()) {
                    add(lines, "Inner Unique: true");
                }
            }
            case "Sort Method" ->
                add(
                        lines,
                        "Sort Method: " + value.asString() + "  " + string(node, "Sort Space Type") + ": "
                                + text(node, "Sort Space Used") + "kB");
            case "Full-sort Groups", "Pre-sorted Groups" -> add(lines, sortGroups(name, value));
            case "Exact Heap Blocks" -> heapBlocks(lines, node);
            case "Hash Buckets" -> add(lines, hashBuckets(node));
            case "Planned Partitions", "HashAgg Batches" -> hashAggregate(lines, node);
            case "Cache Hits" ->
                add(
                        lines,
                        "Hits: " + text(node, "Cache Hits") + "  Misses: " + text(node, "Cache Misses")
                                + "  Evictions: " + text(node, "Cache Evictions") + "  Overflows: "
                                + text(node, "Cache Overflows")
                                + "  Memory Usage: " + text(node, "Peak Memory Usage") + "kB");
            case BufferUsage.FIRST -> {
                written.addAll(BufferUsage.PROPERTIES);
                BufferUsage.lines(node).forEach(line -> add(lines, line));
            }
            case "WAL Records" -> walUsage(lines, node);
            case "Workers" -> value.values().forEach(worker -> worker(lines, worker));
            case "Target Tables" ->
                value.values().forEach(target -> add(lines, operation + NodeHeadline.target(target)));
            case "Grouping Sets" -> value.values().forEach(set -> groupingSet(lines, set));
            case "Sampling Method" -> add(lines, sampling(node));
            case "Tuples Inserted" -> tuples(lines, node, value, written);
            case "Subplans Removed" -> {
                if (value.decimalValue().signum() > 0) {
                    add(lines, "Subplans Removed: " + text(value));
                }
            }
            default -> {
                if (!ROWS_REMOVED.contains(name) || rowsWereRemoved(node, name, value)) {
                    generic(lines, name, value);
                }
            }
        }
    }

    /**
     * FORMAT TEXT shows "Rows Removed by ..." when the total count is above zero, but prints the
     * average per loop, so it can show "0": say, one row removed over 31 loops. FORMAT JSON has only
     * that rounded average. With one loop a "0" is a true zero. Over several loops, a "0" for a
     * filter most likely hides a few rows (a filter that never removes anything is rarer), so it is
     * shown; index rechecks and conflict filters remove nothing in all but unusual plans.
     */
    private static boolean rowsWereRemoved(JsonNode node, String name, JsonNode value) {
        if (value.decimalValue().signum() > 0) {
            return true;
        }
        JsonNode loops = node.get("Actual Loops");
        return FILTERS.contains(name) && loops != null && loops.decimalValue().compareTo(BigDecimal.ONE) > 0;
    }

    /** Any other property: "Name: value", a list joined with commas as ExplainPropertyList does. */
    private static void generic(List<TextLine> lines, String name, JsonNode value) {
        if (value.isArray()) {
            add(lines, name + ": " + joined(value));
        } else if (!value.isObject()) {
            add(lines, name + ": " + JsonValues.text(value));
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        return Set.copyOf(union);
    }

    private static void add(List<TextLine> lines, String text) {
        lines.add(new TextLine(0, text));
    }

    /** Incremental Sort: "Full-sort Groups: 2  Sort Method: quicksort  Average Memory: 26kB  Peak Memory: 26kB". */
    private static String sortGroups(String name, JsonNode groups) {
        JsonNode methods = groups.path("Sort Methods Used");
        StringBuilder line = new StringBuilder(name)
                .append(": ")
                .append(text(groups, "Group Count"))
                .append("  Sort Method")
                .append(methods.size() > 1 ? "s: " : ": ")
                .append(joined(methods));
        for (String space : List.of("Memory", "Disk")) {
            JsonNode used = groups.get("Sort Space " + space);
            if (used != null) {
                line.append("  Average ")
                        .append(space)
                        .append(": ")
                        .append(text(used, "Average Sort Space Used"))
                        .append("kB  Peak ")
                        .append(space)
                        .append(": ")
                        .append(text(used, "Peak Sort Space Used"))
                        .append("kB");
            }
        }
        return line.toString();
    }

    private static void heapBlocks(List<TextLine> lines, JsonNode node) {
        if (!isPositive(node, "Exact Heap Blocks") && !isPositive(node, "Lossy Heap Blocks")) {
            return;
        }
        StringBuilder line = new StringBuilder("Heap Blocks:");
        if (isPositive(node, "Exact Heap Blocks")) {
            line.append(" exact=").append(text(node, "Exact Heap Blocks"));
        }
        if (isPositive(node, "Lossy Heap Blocks")) {
            line.append(" lossy=").append(text(node, "Lossy Heap Blocks"));
        }
        add(lines, line.toString());
    }

    private static String hashBuckets(JsonNode node) {
        String buckets = text(node, "Hash Buckets");
        String originalBuckets = text(node, "Original Hash Buckets");
        String batches = text(node, "Hash Batches");
        String originalBatches = text(node, "Original Hash Batches");
        String memory = "  Memory Usage: " + text(node, "Peak Memory Usage") + "kB";
        if (buckets.equals(originalBuckets) && batches.equals(originalBatches)) {
            return "Buckets: " + buckets + "  Batches: " + batches + memory;
        }
        return "Buckets: " + buckets + " (originally " + originalBuckets + ")  Batches: " + batches + " (originally "
                + originalBatches + ")" + memory;
    }

    /** HashAggregate: planned partitions (only when above zero) and what execution used. */
    private static void hashAggregate(List<TextLine> lines, JsonNode node) {
        List<String> parts = new ArrayList<>();
        if (isPositive(node, "Planned Partitions")) {
            parts.add("Planned Partitions: " + text(node, "Planned Partitions"));
        }
        if (node.has("HashAgg Batches")) {
            String used = "Batches: " + text(node, "HashAgg Batches") + "  Memory Usage: "
                    + text(node, "Peak Memory Usage") + "kB";
            // the disk is mentioned only when the aggregate spilled, i.e. used more than one batch
            if (node.get("HashAgg Batches").asLong() > 1) {
                used += "  Disk Usage: " + text(node, "Disk Usage") + "kB";
            }
            parts.add(used);
        }
        if (!parts.isEmpty()) {
            add(lines, String.join("  ", parts));
        }
    }

    private static void walUsage(List<TextLine> lines, JsonNode node) {
        StringBuilder line = new StringBuilder("WAL:");
        boolean any = false;
        String[][] counters = {{"WAL Records", "records"}, {"WAL FPI", "fpi"}, {"WAL Bytes", "bytes"}};
        for (String[] counter : counters) {
            if (isPositive(node, counter[0])) {
                line.append(' ').append(counter[1]).append('=').append(text(node, counter[0]));
                any = true;
            }
        }
        if (any) {
            add(lines, line.toString());
        }
    }

    /**
     * "Worker 0:  Sort Method: ..." — a parallel worker's own lines. The first one follows the
     * "Worker N:" label on the same line; the rest are indented one step under it.
     */
    private void worker(List<TextLine> lines, JsonNode worker) {
        List<TextLine> own = new ArrayList<>();
        if (worker.has("Actual Loops")) {
            own.add(new TextLine(0, "actual " + NodeHeadline.actualCounters(worker)));
        }
        own.addAll(lines(worker, WORKER_HEADLINE));
        if (own.isEmpty()) {
            return;
        }
        String label = "Worker " + text(worker, "Worker Number") + ":  ";
        lines.add(new TextLine(0, label + own.get(0).text()));
        for (TextLine line : own.subList(1, own.size())) {
            lines.add(new TextLine(line.depth() + 1, line.text()));
        }
    }

    /** One grouping set: its Sort Key (for a sorted chain) and one line per key list under it. */
    private static void groupingSet(List<TextLine> lines, JsonNode set) {
        int depth = 0;
        if (set.has("Sort Key")) {
            add(lines, "Sort Key: " + joined(set.get("Sort Key")));
            depth = 1;
        }
        String label = set.has("Hash Keys") ? "Hash Key" : "Group Key";
        for (JsonNode keys : set.path(label + "s").values()) {
            lines.add(new TextLine(depth, label + ": " + (keys.isEmpty() ? "()" : joined(keys))));
        }
    }

    private static String sampling(JsonNode node) {
        String line =
                "Sampling: " + string(node, "Sampling Method") + " (" + joined(node.path("Sampling Parameters")) + ")";
        return node.has("Repeatable Seed") ? line + " REPEATABLE (" + string(node, "Repeatable Seed") + ")" : line;
    }

    /**
     * MERGE reports its outcome as one "Tuples:" line of the non-zero counts; INSERT ... ON
     * CONFLICT reports "Tuples Inserted" and "Conflicting Tuples" as plain properties.
     */
    private static void tuples(List<TextLine> lines, JsonNode node, JsonNode inserted, Set<String> written) {
        if (!node.has("Tuples Updated")) {
            add(lines, "Tuples Inserted: " + JsonValues.text(inserted));
            return;
        }
        String[][] outcomes = {
            {"Tuples Inserted", "inserted"},
            {"Tuples Updated", "updated"},
            {"Tuples Deleted", "deleted"},
            {"Tuples Skipped", "skipped"}
        };
        StringBuilder line = new StringBuilder("Tuples:");
        boolean any = false;
        for (String[] outcome : outcomes) {
            written.add(outcome[0]);
            if (isPositive(node, outcome[0])) {
                line.append(' ').append(outcome[1]).append('=').append(text(node, outcome[0]));
                any = true;
            }
        }
        if (any) {
            add(lines, line.toString());
        }
    }
}
