package org.netverks.lab.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.netverks.platform.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded sandbox cluster, started on a thread of its own: its first start runs initdb,
 * which takes seconds that lesson pages need not wait for. Lab requests wait for it instead.
 */
final class EmbeddedSandboxCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSandboxCluster.class);

    private final CompletableFuture<EmbeddedPostgresServer> starting;
    private final String password;

    private EmbeddedSandboxCluster(CompletableFuture<EmbeddedPostgresServer> starting, String password) {
        this.starting = starting;
        this.password = password;
    }

    /**
     * @param memoryPerSession bytes of private memory each backend may use ({@link BackendMemoryLimit}); 0: unbounded
     */
    static EmbeddedSandboxCluster startInBackground(Path directory, Map<String, String> settings, int port,
            String password, long memoryPerSession) {
        CompletableFuture<EmbeddedPostgresServer> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, settings, port, password);
                afterStart(directory, memoryPerSession);
                starting.complete(server);
            } catch (IOException | RuntimeException e) {
                starting.completeExceptionally(e);
            }
        }, "sandbox-cluster-start");
        starter.setDaemon(true);
        starter.start();
        return new EmbeddedSandboxCluster(starting, password);
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
            log.info("Each sandbox backend may use at most {} MB of private memory (RLIMIT_DATA)",
                    memoryPerSession / (1024 * 1024));
        } catch (IOException e) {
            // the lab still works, only without this bound: say so loudly, with what to do
            log.error("The memory of sandbox backends is NOT bounded: {}. Install util-linux's prlimit, or run the "
                    + "app as the user that owns the sandbox cluster's processes.", e.getMessage());
        }
    }

    /** The running server; waits for the start, and fails if the start failed. */
    SandboxServer server() {
        try {
            EmbeddedPostgresServer postgres = starting.join();
            return new SandboxServer("embedded", "localhost", postgres.port(), "postgres", password);
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedded sandbox cluster did not start: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            starting.join().close();
        } catch (CompletionException e) {
            // it never started: nothing to stop
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
