package org.netverks.lab.plan;

import static org.netverks.lab.plan.JsonValues.decimal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.netverks.lab.shared.PlanNode;
import tools.jackson.databind.JsonNode;

/** Builds the {@link PlanNode} tree: numbers per node, exclusive time, and the most expensive node. */
final class PlanTree {

    private PlanTree() {}

    static PlanNode build(JsonNode plan, NodeDetails details) {
        Draft root = draft(plan, details);
        List<Draft> all = new ArrayList<>();
        root.collect(all);
        Draft mostExpensive = mostExpensive(all);
        return root.toNode(mostExpensive);
    }

    /**
     * By exclusive time when the plan has timings, else by exclusive cost. Ties go to the node
     * drawn first; a plan where everything is zero (COSTS OFF without timings) marks none.
     */
    private static Draft mostExpensive(List<Draft> all) {
        boolean timed = all.get(0).exclusiveTime != null;
        ToDoubleFunction<Draft> expense = timed ? draft -> draft.exclusiveTime : draft -> draft.exclusiveCost;
        Draft best = all.stream().max(Comparator.comparingDouble(expense)).orElseThrow();
        // max() keeps the last of equal elements, so look for the first with the same value
        double top = expense.applyAsDouble(best);
        return top > 0
                ? all.stream()
                        .filter(draft -> expense.applyAsDouble(draft) == top)
                        .findFirst()
                        .orElseThrow()
                : null;
    }

    private static Draft draft(JsonNode json, NodeDetails details) {
        List<Draft> children = new ArrayList<>();
        json.path("Plans").values().forEach(child -> children.add(draft(child, details)));
        Draft draft = new Draft(json, details.of(json), children);
        draft.exclusiveCost = Math.max(
                0,
                draft.totalCost()
                        - children.stream().mapToDouble(Draft::totalCost).sum());
        Double inclusive = draft.inclusiveTime();
        if (inclusive != null) {
            double childrenTime = children.stream()
                    .map(Draft::inclusiveTime)
                    .mapToDouble(time -> time == null ? 0 : time)
                    .sum();
            // A parent's time can be smaller than its children's together: the children of a Gather
            // run in several processes at once, and their loops add up time that overlaps; an InitPlan
            // (a CTE, say) is charged to the node that first reads it, not to the node it hangs under.
            // Neither is time the parent itself did not spend, so the difference stops at zero.
            draft.exclusiveTime = Math.max(0, inclusive - childrenTime);
        }
        return draft;
    }

    private static final class Draft {
        final JsonNode json;
        final List<TextLine> details;
        final List<Draft> children;
        double exclusiveCost;
        Double exclusiveTime;

        Draft(JsonNode json, List<TextLine> details, List<Draft> children) {
            this.json = json;
            this.details = details;
            this.children = children;
        }

        double totalCost() {
            Double cost = decimal(json, "Total Cost");
            return cost == null ? 0 : cost;
        }

        /** Total time over all loops: "actual time" is the average of one loop. */
        Double inclusiveTime() {
            Double perLoop = decimal(json, "Actual Total Time");
            Double loops = decimal(json, "Actual Loops");
            return perLoop == null || loops == null ? null : perLoop * loops;
        }

        void collect(List<Draft> all) {
            all.add(this);
            children.forEach(child -> child.collect(all));
        }

        PlanNode toNode(Draft mostExpensive) {
            Double rows = decimal(json, "Actual Rows");
            Double loops = decimal(json, "Actual Loops");
            return new PlanNode(
                    JsonValues.string(json, "Node Type"),
                    NodeHeadline.title(json),
                    json.has("Subplan Name") ? JsonValues.string(json, "Subplan Name") : null,
                    orZero(decimal(json, "Startup Cost")),
                    totalCost(),
                    Math.round(orZero(decimal(json, "Plan Rows"))),
                    (int) orZero(decimal(json, "Plan Width")),
                    decimal(json, "Actual Startup Time"),
                    decimal(json, "Actual Total Time"),
                    rows == null ? null : Math.round(rows),
                    loops == null ? null : Math.round(loops),
                    exclusiveTime,
                    this == mostExpensive,
                    details.stream().map(line -> line.indented(0)).toList(),
                    children.stream().map(child -> child.toNode(mostExpensive)).toList());
        }

        private static double orZero(Double value) {
            return value == null ? 0 : value;
        }
    }
}
