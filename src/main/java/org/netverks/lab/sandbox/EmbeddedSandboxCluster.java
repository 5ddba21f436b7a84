package org.netverks.lab.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.netverks.platform.EmbeddedClusterSupervisor;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * The embedded sandbox cluster, started on a thread of its own: its first start runs initdb,
 * which takes seconds that lesson pages need not wait for. Lab requests wait for it instead.
 * Once started it is supervised: if its postmaster dies it is started again on the same port.
 */
final class EmbeddedSandboxCluster implements AutoCloseable {

    private final CompletableFuture<EmbeddedClusterSupervisor> starting;
    private final String password;

    private EmbeddedSandboxCluster(CompletableFuture<EmbeddedClusterSupervisor> starting, String password) {
        this.starting = starting;
        this.password = password;
    }

    /**
     * @param afterEachStart steps for the freshly started postmaster (OS limits on its pid, say),
     *                       run after the first start and again after every restart
     */
    static EmbeddedSandboxCluster startInBackground(Path directory, Map<String, String> settings, int port,
            String password, List<String> remoteHbaLines, List<EmbeddedClusterSupervisor.AfterStart> afterEachStart) {
        CompletableFuture<EmbeddedClusterSupervisor> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                starting.complete(EmbeddedClusterSupervisor.start("sandbox", port,
                        fixedPort -> EmbeddedPostgresServer.start(directory, settings, fixedPort, password, remoteHbaLines),
                        afterEachStart));
            } catch (IOException | RuntimeException e) {
                starting.completeExceptionally(e);
            }
        }, "sandbox-cluster-start");
        starter.setDaemon(true);
        starter.start();
        return new EmbeddedSandboxCluster(starting, password);
    }

    /** The server (the same across restarts); waits for the first start, and fails if it failed. */
    SandboxServer server() {
        return new SandboxServer("embedded", "localhost", supervisor().port(), "postgres", password);
    }

    /** Whether the cluster is down and being started again (after its first start). */
    boolean restarting() {
        return starting.isDone() && !starting.isCompletedExceptionally() && !starting.join().running();
    }

    private EmbeddedClusterSupervisor supervisor() {
        try {
            return starting.join();
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
        }
    }
}
