package org.netverks.lab.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * The embedded sandbox cluster, started on a thread of its own: its first start runs initdb,
 * which takes seconds that lesson pages need not wait for. Lab requests wait for it instead.
 */
final class EmbeddedSandboxCluster implements AutoCloseable {

    private final CompletableFuture<EmbeddedPostgresServer> starting;
    private final String password;

    private EmbeddedSandboxCluster(CompletableFuture<EmbeddedPostgresServer> starting, String password) {
        this.starting = starting;
        this.password = password;
    }

    static EmbeddedSandboxCluster startInBackground(Path directory, Map<String, String> settings, int port,
            String password, java.util.List<String> remoteHbaLines) {
        CompletableFuture<EmbeddedPostgresServer> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                starting.complete(EmbeddedPostgresServer.start(directory, settings, port, password, remoteHbaLines));
            } catch (IOException | RuntimeException e) {
                starting.completeExceptionally(e);
            }
        }, "sandbox-cluster-start");
        starter.setDaemon(true);
        starter.start();
        return new EmbeddedSandboxCluster(starting, password);
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
