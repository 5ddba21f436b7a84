package org.netverks.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url} configured, the platform keeps its data in an embedded
 * PostgreSQL under {@code NETVERKS_DATA_DIR}; with one configured, Spring Boot's own DataSource is
 * used and nothing is started here.
 *
 * <p>The embedded cluster asks every connection for the superuser's password (kept in
 * {@code NETVERKS_DATA_DIR/platform-admin-password}, readable by the app's user only): accounts,
 * password hashes and sessions are not open to whatever else runs on the machine. It is restarted
 * when it dies ({@link EmbeddedClusterSupervisor}); the pool's settings come from
 * {@code spring.datasource.hikari.*}, as for an external database, so both fail fast while the
 * database is away and reconnect by themselves when it is back.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PlatformDatabaseConfiguration.NoDatasourceUrl.class)
class PlatformDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformDatabaseConfiguration.class);
    private static final String DATABASE = "netverks";

    /** The cluster's superuser password, made at its first start. */
    record PlatformPassword(String value) {}

    @Bean
    PlatformPassword platformPassword(PlatformProperties properties, PlatformPropertiesValidator checked)
            throws IOException {
        return new PlatformPassword(
                ClusterPassword.readOrCreate(properties.dataDir().resolve("platform-admin-password")));
    }

    @Bean(destroyMethod = "close")
    EmbeddedClusterSupervisor platformCluster(PlatformProperties properties, PlatformPassword password)
            throws IOException {
        Path clusterDir = properties.dataDir().resolve("platform").toAbsolutePath();
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with data in {}", clusterDir);
        return EmbeddedClusterSupervisor.start(
                "platform",
                0,
                port -> EmbeddedPostgresServer.start(clusterDir, Map.of(), port, password.value()),
                List.of(server -> server.ensureDatabase(DATABASE)),
                properties.embeddedRestartDelay());
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedClusterSupervisor platformCluster, PlatformPassword password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("platform");
        // the port stays the same across restarts of the cluster, so the pool reconnects by itself
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + platformCluster.port() + "/" + DATABASE);
        dataSource.setUsername("postgres");
        dataSource.setPassword(password.value());
        // pool size and idle count: spring.datasource.hikari.* in application.properties, for both modes
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
