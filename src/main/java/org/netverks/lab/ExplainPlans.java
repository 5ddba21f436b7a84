package org.netverks.lab;

import java.util.Optional;
import org.netverks.lab.plan.ExplainStatement;
import org.netverks.lab.plan.PlanRenderer;
import org.netverks.lab.plan.PlanResult;
import org.netverks.lab.run.PlanHandler;
import org.springframework.stereotype.Component;

/** Connects the runner to the plan package: EXPLAIN runs once, as FORMAT JSON, and is drawn twice. */
@Component
class ExplainPlans implements PlanHandler {

    private final PlanRenderer renderer = new PlanRenderer();

    @Override
    public Optional<String> asJson(String sql) {
        return ExplainStatement.parse(sql).map(ExplainStatement::jsonSql);
    }

    @Override
    public Rendered render(String json) {
        PlanResult plan = renderer.render(json);
        return new Rendered(plan.text(), plan.root(), plan.planningTimeMs(), plan.executionTimeMs());
    }
}
