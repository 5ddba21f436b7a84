package org.netverks.lab;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.netverks.lab.run.StatementResult;
import org.springframework.stereotype.Component;

/**
 * The lab's own meters, for the operator's Prometheus (docs/operations.md, "Observe"). Tags come
 * from small fixed sets written in our code (an outcome, a limit's name): never a learner's key,
 * an e-mail address or SQL. Recording is a few atomic updates, cheap enough for every lab run.
 */
@Component
class LabMetrics {

    /** A learner counts as active while their last run is at most this old. */
    static final Duration ACTIVE = Duration.ofMinutes(5);

    /** How often, at most, a run also forgets learners idle past {@link #ACTIVE} (keeps the map small unscraped). */
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final MeterRegistry meters;
    private final Timer runsAnswered;
    private final Timer runsRefused;
    private final Timer runsFailed;
    private final Map<String, Timer> checks = new ConcurrentHashMap<>();
    private final Map<String, Counter> limitHits = new ConcurrentHashMap<>();
    /** Learner key → System.nanoTime() of their last run on this instance. */
    private final Map<String, Long> lastRun = new ConcurrentHashMap<>();

    private final ReentrantLock sweeping = new ReentrantLock();
    private volatile long nextSweep = System.nanoTime() + SWEEP_EVERY_NANOS;

    LabMetrics(MeterRegistry meters) {
        this.meters = meters;
        runsAnswered = runTimer("answered");
        runsRefused = runTimer("refused");
        runsFailed = runTimer("failed");
        for (String outcome : List.of("passed", "failed", "refused", "error")) {
            checks.put(outcome, checkTimer(outcome));
        }
        Gauge.builder("netverks.lab.learners.active", this, LabMetrics::activeLearners)
                .description("Learners with a lab run in the last 5 minutes on this app instance (per instance:"
                        + " sum over instances, a learner on two counts twice)")
                .register(meters);
    }

    /** How a lab run ended: answered, refused by a lab limit ({@link LabRefusal}, no sandbox), or failed. */
    enum RunOutcome {
        ANSWERED,
        REFUSED,
        FAILED
    }

    /**
     * {@code netverks.lab.runs}: a run's time in the app. Runs are left out of the per-request
     * observations ({@link LabConfiguration}), which cost a tenth of a lean run.
     */
    void run(String learnerKey, RunOutcome outcome, long nanos) {
        Timer timer =
                switch (outcome) {
                    case ANSWERED -> runsAnswered;
                    case REFUSED -> runsRefused;
                    case FAILED -> runsFailed;
                };
        timer.record(nanos, TimeUnit.NANOSECONDS);
        long now = System.nanoTime();
        lastRun.put(learnerKey, now);
        if (now - nextSweep > 0 && sweeping.tryLock()) {
            try {
                nextSweep = now + SWEEP_EVERY_NANOS;
                forgetIdle(now);
            } finally {
                sweeping.unlock();
            }
        }
    }

    /** {@code netverks.lab.checks}: a check's time, by outcome ("passed", "failed", "refused" or "error"). */
    void check(String outcome, long nanos) {
        checks.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts each statement a lab limit stopped, by the {@code limit} the learner was told about. */
    void limitsIn(List<StatementResult> results) {
        for (StatementResult result : results) {
            if (result instanceof StatementResult.Error error && error.limit() != null) {
                limitHit(error.limit());
            }
        }
    }

    /**
     * {@code netverks.lab.limit.hits}: a request or statement stopped by a lab limit, tagged with the
     * limit's name as the API's {@code limit} field gives it (a constant of ours, so the tag stays bounded).
     */
    void limitHit(String limit) {
        limitHits
                .computeIfAbsent(limit, name -> Counter.builder("netverks.lab.limit.hits")
                        .description("Lab requests and statements stopped by a lab limit, by the limit's name")
                        .tag("limit", name)
                        .register(meters))
                .increment();
    }

    private double activeLearners() {
        long now = System.nanoTime();
        forgetIdle(now);
        return lastRun.size();
    }

    private void forgetIdle(long now) {
        long oldest = now - ACTIVE.toNanos();
        lastRun.values().removeIf(seen -> seen - oldest < 0);
    }

    private Timer runTimer(String outcome) {
        return Timer.builder("netverks.lab.runs")
                .description("Lab runs, from the request to the answer, by outcome (refused: a lab limit)")
                .tag("outcome", outcome)
                .register(meters);
    }

    private Timer checkTimer(String outcome) {
        return Timer.builder("netverks.lab.checks")
                .description("Exercise checks, from the request to the verdict, by outcome (refused: a lab limit)")
                .tag("outcome", outcome)
                .register(meters);
    }
}
