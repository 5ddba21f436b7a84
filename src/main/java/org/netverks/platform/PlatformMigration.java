package org.netverks.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;

/**
 * Migrates the embedded platform database on a thread of its own, so that the context's set-up
 * goes on while PostgreSQL starts and Flyway runs: Spring Boot's Flyway calls {@link #migrate}
 * with the configured {@link Flyway}, which here starts the migration instead of running it.
 * Whatever asks the pool for a connection first waits for the migration to end
 * ({@link EmbeddedPlatformPool}); so does the web server, which starts after this lifecycle
 * ({@link #start()}), and a failed migration stops the start as a synchronous one would.
 */
final class PlatformMigration implements FlywayMigrationStrategy, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlatformMigration.class);

    private final ObjectProvider<Flyway> flyway;
    private final CompletableFuture<Void> migrated = new CompletableFuture<>();
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile boolean running;

    PlatformMigration(ObjectProvider<Flyway> flyway) {
        this.flyway = flyway;
    }

    @Override
    public void migrate(Flyway configured) {
        begin(configured);
    }

    private void begin(Flyway configured) {
        if (!begun.compareAndSet(false, true)) {
            return;
        }
        Thread migrating = new Thread(
                () -> {
                    try {
                        configured.migrate();
                        migrated.complete(null);
                    } catch (RuntimeException | Error e) {
                        // an Error too: whatever waits must not wait for ever
                        migrated.completeExceptionally(e);
                    }
                },
                "platform-migration");
        migrating.setDaemon(true);
        migrating.start();
    }

    /**
     * Waits until the platform database is migrated; throws the migration's failure. If nothing
     * began the migration yet (a bean that connects before Spring Boot's Flyway ran), it begins
     * now; with Flyway switched off ({@code spring.flyway.enabled=false}) there is none to wait for.
     */
    void await() {
        if (!begun.get()) {
            Flyway configured = flyway.getIfAvailable();
            if (configured == null) {
                migrated.complete(null);
            } else {
                begin(configured);
            }
        }
        try {
            migrated.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Before the web server's lifecycle: nothing is served from a database not yet migrated. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void start() {
        long waitedFrom = System.nanoTime();
        await();
        log.debug("Waited {} ms for the platform database's migration", (System.nanoTime() - waitedFrom) / 1_000_000);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
