package org.netverks.lab.plan;

import java.util.List;
import org.netverks.lab.shared.PlanNode;

/**
 * Everything the lab shows for one EXPLAIN.
 *
 * @param text            the plan as PostgreSQL's FORMAT TEXT prints it, lines joined with "\n"
 * @param root            the plan tree; null when there is no plan (a rule rewrote the statement to nothing)
 * @param planningTimeMs  null with SUMMARY OFF (the default without ANALYZE)
 * @param executionTimeMs null without ANALYZE or with SUMMARY OFF
 * @param footer          the lines of {@code text} after the tree: Settings, Planning, triggers, times
 */
public record PlanResult(
        String text, PlanNode root, Double planningTimeMs, Double executionTimeMs, List<String> footer) {

    public PlanResult {
        footer = List.copyOf(footer);
    }
}
