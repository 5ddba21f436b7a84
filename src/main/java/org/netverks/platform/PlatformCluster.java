package org.netverks.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded platform cluster under {@code NETVERKS_DATA_DIR/platform}: started by
 * {@link PlatformClusterHeadStart} while the application context is being set up, or else by
 * {@link PlatformDatabaseConfiguration} when the DataSource is made.
 */
final class PlatformCluster {

    private static final Logger log = LoggerFactory.getLogger(PlatformCluster.class);
    static final String DATABASE = "netverks";

    private PlatformCluster() {}

    /** Where the superuser password is kept, made at the cluster's first start. */
    static Path passwordFile(PlatformProperties properties) {
        return properties.dataDir().resolve("platform-admin-password");
    }

    /** Starts the cluster (initdb on an empty data dir) with its database, supervised from then on. */
    static EmbeddedClusterSupervisor start(PlatformProperties properties) throws IOException {
        String password = ClusterPassword.readOrCreate(passwordFile(properties));
        Path clusterDir = properties.dataDir().resolve("platform").toAbsolutePath();
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with data in {}", clusterDir);
        long startedAt = System.nanoTime();
        EmbeddedClusterSupervisor cluster = EmbeddedClusterSupervisor.start(
                "platform",
                0,
                port -> EmbeddedPostgresServer.start(clusterDir, Map.of(), port, password),
                List.of(server -> server.ensureDatabase(DATABASE)),
                properties.embeddedRestartDelay());
        log.info(
                "Embedded platform PostgreSQL ready on port {} after {} ms",
                cluster.port(),
                (System.nanoTime() - startedAt) / 1_000_000);
        return cluster;
    }
}
