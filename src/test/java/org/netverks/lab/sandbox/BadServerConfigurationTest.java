package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netverks.IntegrationTest;
import org.netverks.NetverksApplication;
import org.netverks.platform.EmbeddedPostgresServer;
import org.netverks.platform.TestData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad configuration of the servers an operator gives the app: a malformed NETVERKS_LAB_SERVERS or a
 * platform database user without privileges stops the start with a message naming the setting and
 * the fix, never a stack trace; a sandbox server that cannot be reached, or whose admin is not a
 * superuser, is marked down with a WARN naming the setting, and the app starts and works without it.
 * One PostgreSQL server plays the platform's database and the sandbox server.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadServerConfigurationTest {

    private static final String PASSWORD = "BadConfig0Sandbox0Admin0Password";
    private static final String WEAK_PASSWORD = "WeakAdmin0Password0Here";
    private static final String LIMITED_PASSWORD = "LimitedUser0Password0Here";

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(TestData.dir("bad-config/postgres"), Map.of(), 0, PASSWORD);
        postgres.ensureDatabase("platform");
        postgres.ensureDatabase("limited");
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", PASSWORD)) {
            // may create roles and databases, but is no superuser: the lab's hardening needs one
            admin.createStatement()
                    .execute("create role weak login createdb createrole password '" + WEAK_PASSWORD + "'");
            // PostgreSQL 15 and later: only the database owner may create in public
            admin.createStatement().execute("create role limited login password '" + LIMITED_PASSWORD + "'");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static List<String> arguments(String name, String servers) {
        return new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl("platform"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + PASSWORD,
                "--netverks.data-dir=" + TestData.dir("bad-config/" + name),
                "--netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
                "--netverks.lab.servers=" + servers,
                "--netverks.lab.warm-pool-size=0",
                "--netverks.lab.check-pool-size=0"));
    }

    private static ConfigurableApplicationContext start(List<String> arguments) {
        return new SpringApplicationBuilder(NetverksApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void anUnreachableServerAndOneWhoseAdminIsNoSuperuserAreMarkedDownAndTheAppStartsWithoutThem(CapturedOutput output)
            throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once it is closed
        }
        String good = "localhost:" + postgres.port();
        String weak = "127.0.0.1:" + postgres.port(); // the same server under another name: another id
        String away = "localhost:" + closedPort;
        String servers = "postgresql://postgres:" + PASSWORD + "@" + good + ",postgresql://weak:" + WEAK_PASSWORD + "@"
                + weak + ",postgresql://postgres:" + PASSWORD + "@" + away;
        try (ConfigurableApplicationContext app = start(arguments("marked-down", servers))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SandboxServers known = app.getBean(SandboxServers.class);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (known.all().stream().filter(known::isDown).count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100); // the start-up check runs once the app is ready
            }
            assertThat(known.all().stream().filter(known::isDown).map(SandboxServer::id))
                    .containsExactlyInAnyOrder(weak, away);
            assertThat(output.getOut())
                    .contains("Sandbox server " + away + " (listed in NETVERKS_LAB_SERVERS (netverks.lab.servers)) is"
                            + " marked down: it cannot be reached")
                    .contains("Sandbox server " + weak + " (listed in NETVERKS_LAB_SERVERS (netverks.lab.servers)) is"
                            + " marked down: its admin user 'weak' is not a superuser")
                    .contains("ALTER ROLE weak SUPERUSER")
                    .doesNotContain(PASSWORD)
                    .doesNotContain(WEAK_PASSWORD);

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode components = JsonMapper.builder()
                    .build()
                    .readTree(health.body())
                    .get("components")
                    .get("sandboxServers")
                    .get("components");
            assertThat(components.get(good).get("status").asString()).isEqualTo("UP");
            assertThat(components.get(weak).get("status").asString()).isEqualTo("DOWN");
            assertThat(components.get(away).get("status").asString()).isEqualTo("DOWN");

            org.netverks.web.Http learner = new org.netverks.web.Http(port);
            HttpResponse<String> run =
                    learner.postJson("/api/lab/fixture/postgresql-with-python/run", "{\"sql\":\"select 1\"}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedServerListStopsTheStartNamingTheSettingTheEntryAndTheForm(CapturedOutput output) {
        assertThatThrownBy(() -> start(arguments("malformed", "postgresql://admin:s3cret@db.example:notaport")))
                .isNotNull();
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("NETVERKS_LAB_SERVERS (netverks.lab.servers): entry 1, 'postgresql://admin:***@db.example"
                        + ":notaport' is not a URL like postgresql://USER:PASSWORD@HOST:5432")
                .doesNotContain("s3cret")
                .doesNotContain("\tat org.");
    }

    @Test
    void aPlatformUserThatMayNotCreateTablesStopsTheStartNamingTheSettingAndTheGrant(CapturedOutput output) {
        List<String> arguments =
                arguments("limited", "postgresql://postgres:" + PASSWORD + "@localhost:" + postgres.port());
        arguments.removeIf(argument -> argument.startsWith("--spring.datasource."));
        arguments.add("--spring.datasource.url=" + postgres.jdbcUrl("limited"));
        arguments.add("--spring.datasource.username=limited");
        arguments.add("--spring.datasource.password=" + LIMITED_PASSWORD);
        assertThatThrownBy(() -> start(arguments)).isNotNull();
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("The platform database's user limited (SPRING_DATASOURCE_USERNAME) may not create the"
                        + " app's tables")
                .contains("permission denied for schema public")
                .contains("GRANT USAGE, CREATE ON SCHEMA public TO limited;")
                .doesNotContain(LIMITED_PASSWORD)
                .doesNotContain("\tat org.");
    }
}
