package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.lab.run.StatementResult;

/** The lab's meters: runs by outcome, each active learner once, limit hits by the limit's name, checks. */
class LabMetricsTest {

    private static final StatementResult.Source SOURCE = new StatementResult.Source(0, 8, List.of(), 0, 1.0, false);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LabMetrics metrics = new LabMetrics(meters);

    @Test
    void runsAreTimedByOutcomeAndEachLearnerIsActiveOnce() {
        metrics.run("anon:a", LabMetrics.RunOutcome.ANSWERED, 2_000_000);
        metrics.run("anon:a", LabMetrics.RunOutcome.REFUSED, 1_000_000);
        metrics.run("anon:b", LabMetrics.RunOutcome.ANSWERED, 3_000_000);

        assertThat(meters.get("netverks.lab.runs")
                        .tag("outcome", "answered")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("netverks.lab.runs")
                        .tag("outcome", "refused")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("netverks.lab.runs")
                        .tag("outcome", "failed")
                        .timer()
                        .count())
                .isZero();
        assertThat(meters.get("netverks.lab.learners.active").gauge().value()).isEqualTo(2);
    }

    @Test
    void limitHitsAreCountedByTheLimitTheLearnerWasTold() {
        metrics.limitsIn(List.of(
                new StatementResult.Command(SOURCE, "UPDATE 3"),
                new StatementResult.Error(
                        SOURCE, "57014", "Stopped after 5 s", null, null, null, null, null, "statement time limit"),
                new StatementResult.Error(SOURCE, "42P01", "relation does not exist", null, null, 1, 1, 1, null)));
        metrics.limitHit("disk quota");
        metrics.limitHit("disk quota");

        assertThat(meters.get("netverks.lab.limit.hits")
                        .tag("limit", "statement time limit")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("netverks.lab.limit.hits")
                        .tag("limit", "disk quota")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.find("netverks.lab.limit.hits").counters())
                .as("a plain SQL error is no limit hit")
                .hasSize(2);
    }

    @Test
    void checksAreTimedByOutcome() {
        metrics.check("passed", 50_000_000);
        metrics.check("refused", 1_000);

        assertThat(meters.get("netverks.lab.checks")
                        .tag("outcome", "passed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("netverks.lab.checks")
                        .tag("outcome", "refused")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("netverks.lab.checks")
                        .tag("outcome", "error")
                        .timer()
                        .count())
                .isZero();
    }
}
