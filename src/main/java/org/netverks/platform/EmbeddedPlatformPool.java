package org.netverks.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The platform pool on the embedded cluster. It exists from the context's start, so that beans,
 * metrics and health can be made around it, but it opens no connection until the cluster runs
 * and its schema is migrated: its first {@link #getConnection()} waits for both, then points the
 * pool at the cluster. The pool's own settings come from {@code spring.datasource.hikari.*}, as
 * for an external database.
 */
final class EmbeddedPlatformPool extends HikariDataSource {

    private final EmbeddedPlatformCluster cluster;
    private final PlatformMigration migration;
    private volatile boolean pointed;

    EmbeddedPlatformPool(EmbeddedPlatformCluster cluster, PlatformMigration migration) {
        this.cluster = cluster;
        this.migration = migration;
        setPoolName("platform");
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!pointed) {
            pointAtCluster();
        }
        return super.getConnection();
    }

    private synchronized void pointAtCluster() throws SQLException {
        if (pointed) {
            return;
        }
        migration.await();
        try {
            // the port stays the same across restarts of the cluster, so the pool reconnects by itself
            setJdbcUrl(cluster.jdbcUrl());
            setUsername("postgres");
            setPassword(cluster.password());
        } catch (IOException e) {
            throw new SQLException("The embedded platform PostgreSQL did not start: " + e.getMessage(), e);
        }
        pointed = true;
    }
}
