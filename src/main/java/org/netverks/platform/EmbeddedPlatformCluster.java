package org.netverks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The embedded platform cluster, running or still starting: the one {@link PlatformClusterHeadStart}
 * began before the context existed, or one started when this bean was made. Nothing waits for it
 * until it needs a connection ({@link #connections()}), so the context's set-up goes on while
 * initdb and the postmaster run.
 */
public final class EmbeddedPlatformCluster implements AutoCloseable {

    private final CompletableFuture<EmbeddedClusterSupervisor> starting;
    private final PlatformProperties properties;
    private volatile String password;

    EmbeddedPlatformCluster(CompletableFuture<EmbeddedClusterSupervisor> starting, PlatformProperties properties) {
        this.starting = starting;
        this.properties = properties;
    }

    /** The running cluster, waiting for its start; a failed start is thrown as it was. */
    public EmbeddedClusterSupervisor await() throws IOException {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** The JDBC URL of the platform database, once the cluster runs. */
    String jdbcUrl() throws IOException {
        return "jdbc:postgresql://localhost:" + await().port() + "/" + PlatformCluster.DATABASE;
    }

    /** The superuser's password, once the cluster runs (its first start wrote it); read once. */
    String password() throws IOException {
        String known = password;
        if (known == null) {
            await();
            known = ClusterPassword.readOrCreate(PlatformCluster.passwordFile(properties));
            password = known;
        }
        return known;
    }

    /**
     * Unpooled connections as the superuser, each waiting for the cluster to run: what Flyway
     * migrates through, while the pool waits for that migration ({@link EmbeddedPlatformPool}).
     */
    AbstractDataSource connections() {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                try {
                    return DriverManager.getConnection(jdbcUrl(), "postgres", password());
                } catch (IOException | UncheckedIOException e) {
                    throw new SQLException("The embedded platform PostgreSQL did not start: " + e.getMessage(), e);
                }
            }

            @Override
            public Connection getConnection(String username, String password) {
                throw new UnsupportedOperationException("connects as the cluster's superuser only");
            }
        };
    }

    /** Stops the cluster, waiting for its start if it is still starting; one that never started needs nothing. */
    @Override
    public void close() throws IOException {
        EmbeddedClusterSupervisor cluster;
        try {
            cluster = starting.join();
        } catch (CompletionException e) {
            return;
        }
        cluster.close();
    }
}
