package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With spring.datasource.url set, the app uses that PostgreSQL and starts no embedded one. */
@SpringBootTest(properties = "netverks.data-dir=target/unused-data-dir")
class ExternalDatabaseTest {

    @TempDir
    static Path externalDir;

    private static EmbeddedPostgresServer external;

    @DynamicPropertySource
    static void pointAtExternalServer(DynamicPropertyRegistry registry) throws Exception {
        // Stands in for an operator's PostgreSQL: started here, outside the app's own configuration.
        external = EmbeddedPostgresServer.start(externalDir, Map.of());
        external.ensureDatabase("operator_db");
        registry.add("spring.datasource.url", () -> external.jdbcUrl("operator_db"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stopExternalServer() throws Exception {
        external.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("operator_db");
        assertThat(jdbc.sql("select count(*) from content_lesson").query(Integer.class).single())
                .as("Flyway migrated it and the content was recorded").isEqualTo(36);
        assertThat(Path.of("target/unused-data-dir/platform")).as("no embedded platform cluster").doesNotExist();
    }
}
