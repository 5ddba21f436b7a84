package org.netverks.lab.run;

import java.util.Optional;

/** Turns a learner's EXPLAIN into one FORMAT JSON run and renders both views from its output. */
public interface PlanHandler {

    /** The same EXPLAIN with FORMAT JSON, when the statement is an EXPLAIN the lab can draw. */
    Optional<String> asJson(String sql);

    record Rendered(String text, Object tree, Double planningMs, Double executionMs) {}

    Rendered render(String json);
}
