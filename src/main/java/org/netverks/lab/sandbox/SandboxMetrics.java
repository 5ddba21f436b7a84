package org.netverks.lab.sandbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.netverks.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sandboxes as the operator's Prometheus sees them: how many there are by state and server,
 * how many stand ready in each pool by dataset (gauges), and how long making one takes (a timer,
 * by server). The gauges show a census of the platform database taken in one grouped statement
 * every {@link #REFRESH_MILLIS} by a background thread, so a scrape never waits for the database
 * and many scrapers cost no more than one. Counts are the whole lab's, the same on every instance.
 */
@Component
class SandboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(SandboxMetrics.class);
    private static final long REFRESH_MILLIS = 20_000;

    /** A sandbox's state for {@code netverks.lab.sandboxes}. */
    static final List<String> STATES = List.of("learner", "warm", "check_pool", "checking", "read_only");

    private record SandboxKey(String state, String server) {}

    private record PoolKey(String pool, String dataset) {}

    private final MeterRegistry meters;
    private final SandboxRepository repository;
    private final SandboxServers servers;
    private final Map<String, Timer> creation = new ConcurrentHashMap<>();
    private final Map<SandboxKey, Double> sandboxes = new ConcurrentHashMap<>();
    private final Map<PoolKey, Double> pools = new ConcurrentHashMap<>();

    SandboxMetrics(MeterRegistry meters, SandboxRepository repository, SandboxServers servers) {
        this.meters = meters;
        this.repository = repository;
        this.servers = servers;
    }

    /** {@code netverks.lab.sandbox.creation}: a sandbox (or grading copy) made on {@code server} in {@code nanos}. */
    void created(SandboxServer server, long nanos) {
        creation.computeIfAbsent(server.id(), id -> Timer.builder("netverks.lab.sandbox.creation")
                        .description(
                                "Time to make a sandbox (CREATE DATABASE … TEMPLATE, its role and grants), by server")
                        .tag("server", id)
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Scheduled(fixedDelay = REFRESH_MILLIS, initialDelay = 10_000)
    void refresh() {
        BackgroundWork.run(log, "Sandbox metrics census", this::takeCensus);
    }

    /**
     * Reads the census and sets every gauge: one seen before and now absent drops to 0 rather than
     * vanishing (an empty warm pool is news). Every configured server shows every state.
     */
    void takeCensus() {
        Map<SandboxKey, Double> byState = new HashMap<>();
        Map<PoolKey, Double> ready = new HashMap<>();
        for (SandboxServer server : servers.all()) {
            STATES.forEach(state -> byState.put(new SandboxKey(state, server.id()), 0.0));
        }
        for (SandboxRepository.CensusRow row : repository.census()) {
            String state =
                    switch (row.state()) {
                        case "ready" -> "checks".equals(row.pool()) ? "check_pool" : "warm";
                        default -> row.state();
                    };
            byState.merge(new SandboxKey(state, row.server()), (double) row.count(), Double::sum);
            if ("ready".equals(row.state())) {
                ready.merge(new PoolKey(row.pool(), row.dataset()), (double) row.count(), Double::sum);
            }
        }
        update(sandboxes, byState, key -> Gauge.builder("netverks.lab.sandboxes", sandboxes, seen -> seen.get(key))
                .description("Sandboxes by state (learner, warm, check_pool, checking, read_only) and server")
                .tags("state", key.state(), "server", key.server())
                .register(meters));
        update(pools, ready, key -> Gauge.builder("netverks.lab.pool.ready", pools, seen -> seen.get(key))
                .description("Ready sandboxes waiting in a pool (learners: the warm pool; checks: the check pool),"
                        + " by dataset")
                .tags("pool", key.pool(), "dataset", key.dataset())
                .register(meters));
    }

    private static <K> void update(
            Map<K, Double> gauges, Map<K, Double> census, java.util.function.Consumer<K> register) {
        gauges.replaceAll((key, value) -> census.getOrDefault(key, 0.0));
        census.forEach((key, value) -> {
            if (gauges.put(key, value) == null) {
                register.accept(key);
            }
        });
    }
}
