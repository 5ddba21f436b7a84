package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.IntegrationTest;
import org.netverks.NetverksApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app's own start begins the platform PostgreSQL before the application context makes any
 * bean, and the DataSource uses that cluster; a start on a data dir made by an earlier start works
 * the same; a start that fails leaves no PostgreSQL running; contexts that are not the app's own
 * start, or that use an external database, start nothing ahead.
 */
class PlatformClusterHeadStartTest {

    /** Generous: initdb on a busy machine. Only a bound to fail fast, not a timing claim. */
    private static final Duration CLUSTER_UP_WITHIN = Duration.ofSeconds(90);

    @Test
    void thePlatformClusterRunsBeforeAnyBeanExistsAndTheDataSourceUsesIt() throws Exception {
        Path dataDir = TestData.dir("head-start");
        Path clusterDir = dataDir.resolve("platform");
        AtomicInteger portBeforeRefresh = new AtomicInteger();
        long migrations;
        try (ConfigurableApplicationContext app = start(dataDir, portBeforeRefresh)) {
            assertThat(portBeforeRefresh.get())
                    .as("a postmaster ran on %s before the context was refreshed", clusterDir)
                    .isPositive();
            assertThat(app.getBean(EmbeddedPlatformCluster.class).await().port())
                    .isEqualTo(portBeforeRefresh.get());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from content_lesson")
                            .query(Long.class)
                            .single())
                    .isPositive();
            migrations = jdbc.sql("select count(*) from flyway_schema_history")
                    .query(Long.class)
                    .single();
        }
        assertThat(postmasterPort(clusterDir)).as("stopped with the app").isZero();

        // a start with a data dir: no initdb, the same data
        try (ConfigurableApplicationContext again = start(dataDir, portBeforeRefresh)) {
            assertThat(again.getBean(EmbeddedPlatformCluster.class).await().port())
                    .isEqualTo(portBeforeRefresh.get());
            assertThat(again.getBean(JdbcClient.class)
                            .sql("select count(*) from flyway_schema_history")
                            .query(Long.class)
                            .single())
                    .isEqualTo(migrations);
        }
        assertThat(postmasterPort(clusterDir)).isZero();
    }

    @Test
    void aStartThatFailsLeavesNoPostgreSqlRunning() {
        Path dataDir = TestData.dir("head-start-failed");
        AtomicInteger portBeforeRefresh = new AtomicInteger();

        assertThatThrownBy(() -> start(dataDir, portBeforeRefresh, "--netverks.lab.max-sandboxes=0"))
                .hasStackTraceContaining("netverks.lab.max-sandboxes at least 1");

        assertThat(portBeforeRefresh.get()).as("the head start ran").isPositive();
        assertThat(postmasterPort(dataDir.resolve("platform"))).isZero();
    }

    @Test
    void aContextThatIsNotTheAppsOwnStartStartsNothingAhead(@TempDir Path dataDir) {
        SpringApplication test = new SpringApplication(NetverksApplication.class);
        test.setMainApplicationClass(PlatformClusterHeadStartTest.class); // as in a @SpringBootTest
        GenericApplicationContext context = new GenericApplicationContext();
        PlatformClusterHeadStart headStart = new PlatformClusterHeadStart();

        headStart.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), test, new String[0], environment(Map.of("netverks.data-dir", dataDir))));
        headStart.onApplicationEvent(new ApplicationPreparedEvent(test, new String[0], context));

        assertThat(context.getBeanFactory().containsSingleton(PlatformClusterHeadStart.BEAN_NAME))
                .isFalse();
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void anExternalDatabaseOrInvalidPlatformSettingsStartNothingAhead(@TempDir Path dataDir) throws Exception {
        assertThat(PlatformClusterHeadStart.startIfEmbedded(environment(
                        Map.of("netverks.data-dir", dataDir, "spring.datasource.url", "jdbc:postgresql://db/app"))))
                .isNull();
        assertThat(PlatformClusterHeadStart.startIfEmbedded(
                        environment(Map.of("netverks.data-dir", dataDir, "netverks.embedded-restart-delay", "0s"))))
                .isNull();
        Path file = Files.createFile(dataDir.resolve("a-file"));
        assertThat(PlatformClusterHeadStart.startIfEmbedded(environment(Map.of("netverks.data-dir", file))))
                .isNull();
        assertThat(List.of(dataDir.toFile().list())).containsExactly("a-file");
    }

    private static ConfigurableApplicationContext start(
            Path dataDir, AtomicInteger portBeforeRefresh, String... moreArguments) {
        Path clusterDir = dataDir.resolve("platform");
        SpringApplication app = new SpringApplication(NetverksApplication.class);
        app.setMainApplicationClass(NetverksApplication.class); // as java -jar does
        portBeforeRefresh.set(0);
        app.addListeners((ApplicationListener<ApplicationPreparedEvent>) event -> {
            // the context is prepared but not refreshed: no bean exists, no DataSource asked for PostgreSQL
            assertThat(event.getApplicationContext().isActive()).isFalse();
            portBeforeRefresh.set(awaitPostmasterPort(clusterDir));
        });
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--netverks.data-dir=" + dataDir,
                "--netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
                "--netverks.lab.warm-pool-size=0",
                "--netverks.lab.check-pool-size=0"));
        arguments.addAll(List.of(moreArguments));
        return app.run(arguments.toArray(String[]::new));
    }

    private static int awaitPostmasterPort(Path clusterDir) {
        long deadline = System.nanoTime() + CLUSTER_UP_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            int port = postmasterPort(clusterDir);
            if (port > 0) {
                return port;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return 0;
    }

    /** The port of the live postmaster that the pid file names, once it is ready; 0 if none. */
    private static int postmasterPort(Path clusterDir) {
        try {
            List<String> lines = Files.readAllLines(clusterDir.resolve("postmaster.pid"));
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
            // the eighth line is the postmaster's status, "ready" once it accepts connections
            return alive && lines.size() >= 8 && lines.get(7).trim().equals("ready")
                    ? Integer.parseInt(lines.get(3).trim())
                    : 0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // no pid file yet, or being written
        }
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
