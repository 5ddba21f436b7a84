package org.netverks.platform;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded PostgreSQL cluster running. A postmaster that dies (killed, crashed, taken by
 * the OOM killer) takes every connection with it, and nothing else would start it again: this
 * looks every second, and starts it anew on the same data and the same port, so that connection
 * pools, URLs and the details learners were shown stay valid. The first attempt comes a second
 * after the death (the old backends exit meanwhile), then after 2, 4, 8, 16 and at most 30 s
 * between failed attempts, each one logged.
 *
 * <p>Steps that must follow every start — a database to create, OS limits to put on the new
 * postmaster — are given as {@link AfterStart} steps: they run after the first start and again
 * after each restart, and the cluster counts as running only once they succeeded.
 */
public final class EmbeddedClusterSupervisor implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedClusterSupervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** The default wait between noticing a death and the first restart ({@code netverks.embedded-restart-delay}). */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** Starts the cluster on {@code port} (0: any free port). */
    @FunctionalInterface
    public interface Starter {
        EmbeddedPostgresServer start(int port) throws IOException;
    }

    /** Something to do right after every start of the cluster: the first one and each restart. */
    @FunctionalInterface
    public interface AfterStart {
        void run(EmbeddedPostgresServer server) throws Exception;
    }

    private final String name;
    private final Starter starter;
    private final List<AfterStart> afterStart;
    private final int port;
    private final Duration firstRetry;
    private final ScheduledExecutorService watcher;
    private final Object lock = new Object();
    /** The running server; null from the moment its death is noticed until a restart succeeded. */
    private volatile EmbeddedPostgresServer server;

    private boolean closed;
    private int failedAttempts;
    private long diedAtNanos;

    private EmbeddedClusterSupervisor(
            String name,
            Starter starter,
            List<AfterStart> afterStart,
            EmbeddedPostgresServer first,
            Duration firstRetry) {
        this.name = name;
        this.firstRetry = firstRetry;
        this.starter = starter;
        this.afterStart = List.copyOf(afterStart);
        this.port = first.port();
        this.server = first;
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-cluster-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(
                this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the cluster (a failure here is the caller's: nothing is retried before the first
     * start succeeded) and watches it from then on.
     *
     * @param name what the cluster is, for the log ("platform", "sandbox")
     */
    public static EmbeddedClusterSupervisor start(String name, int port, Starter starter, List<AfterStart> afterStart)
            throws IOException {
        return start(name, port, starter, afterStart, FIRST_RETRY);
    }

    /**
     * As {@link #start(String, int, Starter, List)}, waiting {@code firstRetry} between noticing a
     * death and the first restart (then twice as long after each failed attempt, at most 30 s).
     */
    public static EmbeddedClusterSupervisor start(
            String name, int port, Starter starter, List<AfterStart> afterStart, Duration firstRetry)
            throws IOException {
        if (firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("netverks.embedded-restart-delay must be positive, not " + firstRetry);
        }
        EmbeddedPostgresServer first = starter.start(port);
        try {
            runSteps(first, afterStart);
        } catch (Exception e) {
            first.close();
            throw e instanceof IOException io ? io : new IOException("could not prepare the " + name + " cluster", e);
        }
        return new EmbeddedClusterSupervisor(name, starter, afterStart, first, firstRetry);
    }

    /** The port the cluster listens on, the same across restarts. */
    public int port() {
        return port;
    }

    /** Whether the cluster runs right now; false from the moment its postmaster died until it runs again. */
    public boolean running() {
        EmbeddedPostgresServer current = server;
        return current != null && current.running();
    }

    /** The wait before the next attempt once {@code failures} attempts in a row have failed. */
    static Duration delayAfter(int failures) {
        return delayAfter(failures, FIRST_RETRY);
    }

    private static Duration delayAfter(int failures, Duration firstRetry) {
        Duration delay = firstRetry;
        for (int i = 0; i < failures && delay.compareTo(MAX_RETRY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private void check() {
        EmbeddedPostgresServer current = server;
        if (current == null || current.running()) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            server = null;
        }
        diedAtNanos = System.nanoTime();
        failedAttempts = 0;
        log.error(
                "The {} PostgreSQL server (pid {}, port {}) has stopped unexpectedly; starting it again in {} s",
                name,
                current.postmasterPid(),
                port,
                firstRetry.toMillis() / 1000.0);
        try {
            current.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Releasing the stopped {} server", name, e);
        }
        restartIn(firstRetry);
    }

    private void restart() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        try {
            EmbeddedPostgresServer started = starter.start(port);
            try {
                runSteps(started, afterStart);
            } catch (Exception e) {
                started.close();
                throw e;
            }
            synchronized (lock) {
                if (closed) {
                    started.close();
                    return;
                }
                server = started;
            }
            log.warn(
                    "The {} PostgreSQL server runs again (pid {}, port {}), {} ms after it was found stopped",
                    name,
                    started.postmasterPid(),
                    port,
                    (System.nanoTime() - diedAtNanos) / 1_000_000);
        } catch (Exception e) {
            failedAttempts++;
            Duration wait = delayAfter(failedAttempts, firstRetry);
            log.error(
                    "Could not start the {} PostgreSQL server again (attempt {}): {}; next attempt in {} s",
                    name,
                    failedAttempts,
                    e.getMessage(),
                    wait.toSeconds());
            restartIn(wait);
        }
    }

    private void restartIn(Duration wait) {
        try {
            watcher.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: nothing to restart
        }
    }

    private static void runSteps(EmbeddedPostgresServer server, List<AfterStart> steps) throws Exception {
        for (AfterStart step : steps) {
            step.run(server);
        }
    }

    @Override
    public void close() throws IOException {
        EmbeddedPostgresServer current;
        synchronized (lock) {
            closed = true;
            current = server;
            server = null;
        }
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current != null) {
            current.close();
        }
    }
}
