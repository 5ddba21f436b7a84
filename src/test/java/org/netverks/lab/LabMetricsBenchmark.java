package org.netverks.lab;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netverks.lab.run.StatementResult;

/**
 * Benchmark, not a test: what {@link LabMetrics} adds to a lab run, against what a run recorded
 * before (one timer without buckets). Each run here records its time with histogram buckets (as
 * application.properties configures {@code netverks.lab}), stamps one of 200 learners active and
 * scans a one-result answer for limit hits; a few rounds alternate both sides. See bench/RESULTS.md.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.netverks.lab.LabMetricsBenchmark
 * </pre>
 */
public final class LabMetricsBenchmark {

    private static final int RUNS = 5_000_000;

    private LabMetricsBenchmark() {}

    public static void main(String[] args) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().startsWith("netverks.lab")
                        ? DistributionStatisticConfig.builder()
                                .percentilesHistogram(true)
                                .maximumExpectedValue(
                                        (double) Duration.ofSeconds(60).toNanos())
                                .build()
                                .merge(config)
                        : config;
            }
        });
        LabMetrics metrics = new LabMetrics(registry);
        Timer before = Timer.builder("before.runs").register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        String[] learners = new String[200];
        for (int i = 0; i < learners.length; i++) {
            learners[i] = "anon:" + java.util.UUID.randomUUID();
        }
        StatementResult.Source source = new StatementResult.Source(0, 8, List.of(), 0, 0.1, false);
        List<StatementResult> answer = List.of(new StatementResult.Rows(
                source,
                List.of(new StatementResult.Column("?column?", "int4")),
                List.of(List.of("1")),
                1,
                false,
                "SELECT 1",
                null));
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                before.record(200_000 + (i & 4095), TimeUnit.NANOSECONDS);
            }
            double beforeNanos = (System.nanoTime() - start) / (double) RUNS;
            start = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                metrics.limitsIn(answer);
                metrics.run(learners[i % learners.length], LabMetrics.RunOutcome.ANSWERED, 200_000 + (i & 4095));
            }
            double afterNanos = (System.nanoTime() - start) / (double) RUNS;
            System.out.printf(
                    "round %d%s: before %.0f ns a run, now %.0f ns a run (+%.0f ns)%n",
                    round + 1, round == 0 ? " (warm-up)" : "", beforeNanos, afterNanos, afterNanos - beforeNanos);
        }
        if (!registry.scrape().contains("netverks_lab_runs_seconds_bucket")) {
            throw new IllegalStateException("the runs were not recorded with buckets");
        }
    }
}
