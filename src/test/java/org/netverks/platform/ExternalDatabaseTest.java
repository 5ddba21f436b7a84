package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.learner.Inbox;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With spring.datasource.url and netverks.lab.servers set, the app uses those PostgreSQL servers
 * and starts no embedded one; while one is down, requests that need it fail fast (and readiness
 * is DOWN for the platform's), and they work again by themselves when it returns.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/unused",
            "netverks.content-dir=" + org.netverks.IntegrationTest.FIXTURE_CONTENT
        })
// an app of its own that no other class reuses: stopped after this class, so that its clusters and
// background jobs do not run on through the rest of the suite
@org.springframework.test.annotation.DirtiesContext
class ExternalDatabaseTest {

    @TempDir
    static Path externalDir;

    @TempDir
    static Path externalSandboxDir;

    private static final String SANDBOX_ADMIN_PASSWORD = "ExternalSandbox0Admin0Password";
    private static final String RUN = "/api/lab/fixture/postgresql-with-python/run";

    private static EmbeddedPostgresServer external;
    private static EmbeddedPostgresServer externalSandboxes;

    @DynamicPropertySource
    static void pointAtExternalServer(DynamicPropertyRegistry registry) throws Exception {
        // Stands in for an operator's PostgreSQL: started here, outside the app's own configuration.
        external = EmbeddedPostgresServer.start(externalDir, Map.of());
        external.ensureDatabase("operator_db");
        registry.add("spring.datasource.url", () -> external.jdbcUrl("operator_db"));
        registry.add("spring.datasource.username", () -> "postgres");
        externalSandboxes = EmbeddedPostgresServer.start(externalSandboxDir, Map.of(), 0, SANDBOX_ADMIN_PASSWORD);
        registry.add(
                "netverks.lab.servers",
                () -> "postgresql://postgres:" + SANDBOX_ADMIN_PASSWORD + "@localhost:" + externalSandboxes.port());
    }

    @AfterAll
    static void stopExternalServers() throws Exception {
        external.close();
        externalSandboxes.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(context.getBeansOfType(EmbeddedPlatformCluster.class)).isEmpty();
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .isEqualTo("operator_db");
        assertThat(jdbc.sql("select count(*) from content_lesson")
                        .query(Integer.class)
                        .single())
                .as("Flyway migrated it and the content was recorded")
                .isEqualTo(36);
        assertThat(TestData.dir("unused").resolve("platform"))
                .as("no embedded platform cluster")
                .doesNotExist();
    }

    @LocalServerPort
    int port;

    @Test
    void whileTheServerIsDownRequestsFailFastAndReadinessIsDownUntilItReturns() throws Exception {
        Http learner = new Http(port);
        Inbox.signUpAndConfirm(
                learner, "outage-" + System.nanoTime() + "@example.org", "Outage", "a long enough passphrase");
        String session = "SESSION=" + learner.cookie("SESSION");
        assertThat(get("/actuator/health/readiness", "").statusCode()).isEqualTo(200);
        int serverPort = external.port();
        ProcessHandle.of(external.postmasterPid()).orElseThrow().destroyForcibly();
        external.close();
        try {
            long start = System.nanoTime();
            HttpResponse<String> readiness = get("/actuator/health/readiness", "");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness", "").statusCode()).isEqualTo(200);
            start = System.nanoTime();
            HttpResponse<String> progress = get("/api/progress", session);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(progress.statusCode()).as(progress.body()).isEqualTo(503);
            assertThat(progress.body()).contains("Accounts are unavailable right now");
        } finally {
            external = EmbeddedPostgresServer.start(externalDir, Map.of(), serverPort, null);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (get("/api/progress", session).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(get("/api/progress", session).statusCode())
                .as("signed in again by itself")
                .isEqualTo(200);
        assertThat(get("/actuator/health/readiness", "").statusCode())
                .as("ready again")
                .isEqualTo(200);
    }

    @Test
    void whileTheSandboxServerIsDownLabRunsFailFastUntilItReturns() throws Exception {
        Http learner = new Http(port);
        assertThat(learner.postJson(RUN, "{\"sql\":\"select 1\"}").statusCode()).isEqualTo(200);
        int serverPort = externalSandboxes.port();
        ProcessHandle.of(externalSandboxes.postmasterPid()).orElseThrow().destroyForcibly();
        externalSandboxes.close();
        try {
            long start = System.nanoTime();
            HttpResponse<String> run = learner.postJson(RUN, "{\"sql\":\"select 1\"}");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(run.statusCode()).as(run.body()).isEqualTo(503);
            assertThat(run.body())
                    .contains("The lab's database server holding your sandbox cannot be reached right now");
        } finally {
            externalSandboxes =
                    EmbeddedPostgresServer.start(externalSandboxDir, Map.of(), serverPort, SANDBOX_ADMIN_PASSWORD);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> run = learner.postJson(RUN, "{\"sql\":\"select 1\"}");
        while (run.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            run = learner.postJson(RUN, "{\"sql\":\"select 1\"}");
        }
        assertThat(run.statusCode())
                .as("the lab is back by itself: " + run.body())
                .isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
