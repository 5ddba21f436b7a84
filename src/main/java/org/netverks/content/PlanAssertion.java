package org.netverks.content;

import java.util.List;

/**
 * A rule about the plan of the learner's last statement: it {@code uses} one of the node types on
 * a table (at least one such node), or {@code avoids} them (no such node).
 */
public record PlanAssertion(boolean required, List<String> nodeTypes, String relation) {

    /** PostgreSQL's node type names that assertions may name; anything else is a typo. */
    public static final List<String> NODE_TYPES = List.of(
            "Seq Scan",
            "Index Scan",
            "Index Only Scan",
            "Bitmap Heap Scan",
            "Bitmap Index Scan",
            "Tid Scan",
            "Tid Range Scan",
            "Function Scan",
            "CTE Scan",
            "Subquery Scan",
            "Values Scan",
            "Nested Loop",
            "Hash Join",
            "Merge Join",
            "Hash",
            "Sort",
            "Incremental Sort",
            "Aggregate",
            "HashAggregate",
            "GroupAggregate",
            "Limit",
            "Materialize",
            "Memoize",
            "Gather",
            "Gather Merge",
            "Unique",
            "Append",
            "Merge Append",
            "ModifyTable",
            "WindowAgg",
            "Result");

    public PlanAssertion {
        nodeTypes = List.copyOf(nodeTypes);
    }

    public String inWords() {
        String types = String.join(" or ", nodeTypes);
        return required
                ? "The plan of your last statement must use " + types + " on " + relation + "."
                : "The plan of your last statement must not use " + types + " on " + relation + ".";
    }
}
