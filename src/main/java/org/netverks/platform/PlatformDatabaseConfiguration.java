package org.netverks.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
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
 * database is away and reconnect by themselves when it is back. On the app's own start the cluster
 * is already starting when this runs ({@link PlatformClusterHeadStart}); nothing here waits for
 * it: Flyway migrates on a thread of its own ({@link PlatformMigration}) and the pool's first
 * connection waits for that ({@link EmbeddedPlatformPool}), so the rest of the context is set up
 * meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PlatformDatabaseConfiguration.NoDatasourceUrl.class)
class PlatformDatabaseConfiguration {

    /**
     * The cluster: the one {@link PlatformClusterHeadStart} began starting before the context
     * existed, or else one started now.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPlatformCluster platformCluster(
            PlatformProperties properties,
            PlatformPropertiesValidator checked,
            ObjectProvider<PlatformClusterHeadStart.Starting> headStart)
            throws IOException {
        PlatformClusterHeadStart.Starting started = headStart.getIfAvailable();
        return new EmbeddedPlatformCluster(
                started != null
                        ? started.claim()
                        : CompletableFuture.completedFuture(PlatformCluster.start(properties)),
                properties);
    }

    @Bean
    PlatformMigration platformMigration(ObjectProvider<Flyway> flyway) {
        return new PlatformMigration(flyway);
    }

    /** Flyway connects straight to the cluster: the pool waits for the migration Flyway runs. */
    @Bean
    FlywayConfigurationCustomizer migrateThroughTheCluster(EmbeddedPlatformCluster platformCluster) {
        return configuration -> configuration.dataSource(platformCluster.connections());
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPlatformCluster platformCluster, PlatformMigration migration) {
        // pool size and idle count: spring.datasource.hikari.* in application.properties, for both modes
        return new EmbeddedPlatformPool(platformCluster, migration);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
