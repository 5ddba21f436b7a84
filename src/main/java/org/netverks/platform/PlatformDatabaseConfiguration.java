package org.netverks.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PlatformDatabaseConfiguration.NoDatasourceUrl.class)
class PlatformDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformDatabaseConfiguration.class);
    private static final String DATABASE = "netverks";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer platformPostgres(@Value("${netverks.data-dir}") Path dataDir)
            throws IOException, SQLException {
        Path clusterDir = dataDir.resolve("platform").toAbsolutePath();
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with data in {}", clusterDir);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(clusterDir, Map.of());
        server.ensureDatabase(DATABASE);
        return server;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer platformPostgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("platform");
        dataSource.setJdbcUrl(platformPostgres.jdbcUrl(DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(16); // signed-in requests each read their session: 10 queued them at 32 clients
        dataSource.setMinimumIdle(2); // ten idle backends cost ~15 MB and ten processes for nothing
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
