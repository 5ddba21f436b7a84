package org.netverks.lab.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netverks.platform.EmbeddedClusterSupervisor;
import org.netverks.platform.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The embedded sandbox cluster, started on a thread of its own once the app is ready (or when the
 * lab first needs it, if that comes first): its first start runs initdb, seconds of CPU that
 * would otherwise compete with the app's start on a small machine, and that lesson pages need not
 * wait for. Lab requests wait for it instead. Once started it is supervised: if its postmaster
 * dies it is started again on the same port.
 */
final class EmbeddedSandboxCluster implements AutoCloseable, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSandboxCluster.class);

    private final CompletableFuture<EmbeddedClusterSupervisor> starting;
    private final Thread starter;
    private final AtomicBoolean started = new AtomicBoolean();
    private final String password;

    private EmbeddedSandboxCluster(
            CompletableFuture<EmbeddedClusterSupervisor> starting, Thread starter, String password) {
        this.starting = starting;
        this.starter = starter;
        this.password = password;
    }

    /**
     * @param afterEachStart steps for the freshly started postmaster (OS limits on its pid, say),
     *                       run after the first start and again after every restart
     */
    static EmbeddedSandboxCluster startWhenReady(
            Path directory,
            Map<String, String> settings,
            int port,
            String password,
            List<String> remoteHbaLines,
            List<EmbeddedClusterSupervisor.AfterStart> afterEachStart,
            Duration restartDelay) {
        CompletableFuture<EmbeddedClusterSupervisor> starting = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        starting.complete(EmbeddedClusterSupervisor.start(
                                "sandbox",
                                port,
                                fixedPort -> EmbeddedPostgresServer.start(
                                        directory, settings, fixedPort, password, remoteHbaLines),
                                afterEachStart,
                                restartDelay));
                    } catch (IOException | RuntimeException e) {
                        starting.completeExceptionally(e);
                    }
                },
                "sandbox-cluster-start");
        starter.setDaemon(true);
        return new EmbeddedSandboxCluster(starting, starter, password);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        start();
    }

    private void start() {
        if (started.compareAndSet(false, true)) {
            starter.start();
        }
    }

    /**
     * What must hold for every freshly started postmaster of this cluster before learners
     * connect — call it after each start, a restart included: backends forked afterwards inherit
     * the memory limit, backends of an earlier postmaster are gone with it.
     */
    static void afterStart(Path directory, long memoryPerSession) {
        if (memoryPerSession <= 0) {
            log.warn("netverks.lab.memory-per-session is 0: the memory of sandbox backends is not bounded");
            return;
        }
        try {
            BackendMemoryLimit.apply(directory, memoryPerSession);
            log.info(
                    "Each sandbox backend may use at most {} MB of private memory (RLIMIT_DATA)",
                    memoryPerSession / (1024 * 1024));
        } catch (IOException e) {
            // the lab still works, only without this bound: say so loudly, with what to do
            log.error(
                    "The memory of sandbox backends is NOT bounded: {}. Install util-linux's prlimit, or run the "
                            + "app as the user that owns the sandbox cluster's processes.",
                    e.getMessage());
        }
    }

    /**
     * The server (the same across restarts); starts the cluster if the app is not ready yet, waits
     * for the first start, and fails if it failed.
     */
    SandboxServer server() {
        start();
        return new SandboxServer("embedded", "localhost", supervisor().port(), "postgres", password);
    }

    /** Whether the cluster is down and being started again (after its first start). */
    boolean restarting() {
        return starting.isDone()
                && !starting.isCompletedExceptionally()
                && !starting.join().running();
    }

    private EmbeddedClusterSupervisor supervisor() {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "the embedded sandbox cluster did not start: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        if (!started.get()) {
            return; // never needed: nothing to stop
        }
        try {
            starting.join().close();
        } catch (CompletionException e) {
            // it never started: nothing to stop
        }
    }
}
