package org.netverks.lab.shared;

import java.util.List;

/**
 * One node of a plan, as the tree view draws it.
 *
 * @param nodeType          "Seq Scan", "Index Scan", "Hash Join", "Aggregate", "ModifyTable", ...
 * @param title             the node's first line as psql shows it, without costs and timings
 * @param label             what the node is to its parent when it is not a plain input: "SubPlan 1",
 *                          "InitPlan 1", "CTE recent"; null otherwise
 * @param actualStartupTime null without ANALYZE (and with TIMING OFF), like the other actual values
 * @param exclusiveTimeMs   time spent in this node alone over all its loops; null without timings
 * @param mostExpensive     the one node with the largest exclusive time, or the largest exclusive
 *                          cost when there are no timings
 * @param details           psql's detail lines for the node; lines that belong under another
 *                          detail line (a worker's, a grouping set's) start with two spaces per level
 */
public record PlanNode(
        String nodeType,
        String title,
        String label,
        double startupCost,
        double totalCost,
        long planRows,
        int planWidth,
        Double actualStartupTime,
        Double actualTotalTime,
        Long actualRows,
        Long actualLoops,
        Double exclusiveTimeMs,
        boolean mostExpensive,
        List<String> details,
        List<PlanNode> children) {

    public PlanNode {
        details = List.copyOf(details);
        children = List.copyOf(children);
    }
}
