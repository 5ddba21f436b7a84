package org.netverks.lab.run;

import java.util.Optional;
import org.netverks.lab.shared.PlanNode;

/** Turns a learner's EXPLAIN into one FORMAT JSON run and renders both views from its output. */
public interface PlanHandler {

    /** The same EXPLAIN with FORMAT JSON, when the statement is an EXPLAIN the lab can draw. */
    Optional<String> asJson(String sql);

    /** The plan as psql prints it and as a tree ({@code tree} null when there is no plan). */
    record Rendered(String text, PlanNode tree, Double planningMs, Double executionMs) {}

    Rendered render(String json);
}
