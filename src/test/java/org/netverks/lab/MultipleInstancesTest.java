package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.NetverksApplication;
import org.netverks.lab.sandbox.SandboxServerDraining;
import org.netverks.platform.EmbeddedPostgresServer;
import org.netverks.platform.TestData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's scale-out, really started here: an external platform PostgreSQL, two sandbox servers
 * (PostgreSQL servers started by the test, which the app reaches only through
 * {@code netverks.lab.servers}) and two app instances sharing them. Learners are anonymous browsers
 * whose cookies go to either instance, as behind a load balancer without affinity.
 */
class MultipleInstancesTest {

    private static final String PASSWORD = "MultiInstance0Sandbox0Admin";
    private static final String LESSON = "/api/lab/fixture/postgresql-with-python";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static EmbeddedPostgresServer platform;
    private static final EmbeddedPostgresServer[] sandboxServers = new EmbeddedPostgresServer[2];
    private static final int[] sandboxPorts = new int[2];
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static int first;
    private static int second;

    @BeforeAll
    static void startServersAndTwoInstances() throws Exception {
        platform = EmbeddedPostgresServer.start(TestData.dir("multi/platform"), Map.of());
        platform.ensureDatabase("platform");
        for (int i = 0; i < 2; i++) {
            sandboxServers[i] = startSandboxServer(i, 0);
            sandboxPorts[i] = sandboxServers[i].port();
        }
        first = startInstance("one");
        second = startInstance("two");
    }

    private static EmbeddedPostgresServer startSandboxServer(int i, int port) throws Exception {
        return EmbeddedPostgresServer.start(TestData.dir("multi/sandboxes-" + i), Map.of(), port, PASSWORD);
    }

    private static int startInstance(String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NetverksApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + platform.jdbcUrl("platform"),
                        "--spring.datasource.username=postgres",
                        "--netverks.data-dir=" + TestData.dir("multi/" + name),
                        "--netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
                        "--netverks.lab.servers=" + serverUrl(0) + "," + serverUrl(1),
                        // as small as it gets: every sandbox here is made for a learner of the test
                        "--netverks.lab.warm-pool-size=0",
                        "--netverks.lab.check-pool-size=0",
                        "--netverks.lab.creations-per-client-per-hour=10000");
        instances.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String serverUrl(int i) {
        return "postgresql://postgres:" + PASSWORD + "@localhost:" + sandboxPorts[i];
    }

    private static String serverId(int i) {
        return "localhost:" + sandboxPorts[i];
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ConfigurableApplicationContext instance : instances) {
            instance.close();
        }
        for (EmbeddedPostgresServer server : sandboxServers) {
            if (server != null) {
                server.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void newLearnersAreSpreadOverBothSandboxServers() {
        Set<String> servers = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Learner learner = new Learner();
            servers.add(serverOf(learner.runOk(i % 2 == 0 ? first : second, "select 1")));
        }
        assertThat(servers).containsExactlyInAnyOrder(serverId(0), serverId(1));
    }

    @Test
    void aNewSandboxAndAResetThroughOneInstanceAreSeenAtOnceThroughTheOther() throws Exception {
        Learner learner = new Learner();
        JsonNode made = learner.runOk(second, "create table mine (x int); insert into mine values (1)");
        String original = made.get("database").asString();
        JsonNode seen = learner.runOk(first, "select count(*) from mine");
        assertThat(seen.get("database").asString())
                .as("the sandbox made through instance two, used through instance one")
                .isEqualTo(original);
        assertThat(seen.get("results").get(0).get("kind").asString()).isEqualTo("rows");
        learner.runOk(second, "select 1"); // instance two remembers the sandbox now

        HttpResponse<String> reset = learner.post(first, LESSON + "/reset", "");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(databaseExists(original))
                .as("the old sandbox is dropped before the reset answers")
                .isFalse();

        JsonNode after = learner.runOk(second, "select count(*) from mine");
        assertThat(after.get("database").asString())
                .as("instance two runs on the new sandbox at once")
                .isNotEqualTo(original);
        assertThat(after.get("results").get(0).get("message").asString()).isEqualTo("relation \"mine\" does not exist");
    }

    @Test
    void theLockPanelOfAnotherInstanceFollowsAReset() throws Exception {
        Learner learner = new Learner();
        String original = learner.runOk(second, "select 1").get("database").asString();
        HttpResponse<String> panel = learner.get(second, LESSON + "/locks");
        assertThat(panel.statusCode()).as(panel.body()).isEqualTo(200);

        assertThat(learner.post(first, LESSON + "/reset", "").statusCode()).isEqualTo(200);
        assertThat(databaseExists(original)).isFalse();
        HttpResponse<String> after = learner.get(second, LESSON + "/locks");
        assertThat(after.statusCode())
                .as("instance two reads the new sandbox's activity: " + after.body())
                .isEqualTo(200);
    }

    @Test
    void aDrainingServerGetsNoNewSandboxesUntilItIsResumed() {
        SandboxServerDraining draining = instances.get(0).getBean(SandboxServerDraining.class);
        draining.drain(serverId(0));
        try {
            assertThat(draining.list()).anySatisfy(state -> assertThat(state.serverId() + " " + state.draining())
                    .isEqualTo(serverId(0) + " true"));
            for (int i = 0; i < 3; i++) {
                Learner learner = new Learner();
                assertThat(serverOf(learner.runOk(i % 2 == 0 ? first : second, "select 1")))
                        .as("new learner %d, through instance %s", i, i % 2 == 0 ? "one" : "two")
                        .isEqualTo(serverId(1));
            }
            draining.drain(serverId(1));
            HttpResponse<String> none = new Learner().run(second, "select 1");
            assertThat(none.statusCode()).as(none.body()).isEqualTo(503);
            assertThat(none.body())
                    .contains("No database server of the lab can take a new sandbox right now (2 of 2 taken out of "
                            + "service by the operator");
        } finally {
            draining.resume(serverId(0));
            draining.resume(serverId(1));
        }
        assertThat(draining.drainingIds()).isEmpty();
        assertThat(new Learner().run(first, "select 1").statusCode()).isEqualTo(200);
    }

    @Test
    void aServerThatGoesDownAnswersItsLearnersWith503WhileTheOtherServerWorksAndTheLabRecoversByItself()
            throws Exception {
        Learner onFirstServer = learnerOn(0);
        Learner onSecondServer = learnerOn(1);
        long postmaster = sandboxServers[1].postmasterPid();
        try {
            // as a machine or process failure stops it: pg_ctl's orderly stop may outlast its own timeout here
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            sandboxServers[1].close();
            sandboxServers[1] = null;
            assertThat(stopped(postmaster))
                    .as("the second sandbox server's postmaster is stopped")
                    .isTrue();
            // a connection that was open when the server stopped may answer one run with its error first
            HttpResponse<String> refused =
                    until(() -> onSecondServer.run(first, "select 1"), response -> response.statusCode() == 503);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body())
                    .contains("The lab's database server holding your sandbox cannot be reached right now");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(onSecondServer.run(second, "select 1").statusCode()).isEqualTo(503);

            assertThat(serverOf(onFirstServer.runOk(second, "select 1"))).isEqualTo(serverId(0));
            assertThat(serverOf(new Learner().runOk(second, "select 1")))
                    .as("a new learner goes to the server that is up")
                    .isEqualTo(serverId(0));
            assertThat(serverOf(new Learner().runOk(first, "select 1"))).isEqualTo(serverId(0));

            for (int port : new int[] {first, second}) {
                HttpResponse<String> health = get(port, "/actuator/health");
                assertThat(health.statusCode()).isEqualTo(503);
                JsonNode servers =
                        JSON.readTree(health.body()).get("components").get("sandboxServers");
                assertThat(servers.get("components")
                                .get(serverId(1))
                                .get("status")
                                .asString())
                        .isEqualTo("DOWN");
                assertThat(servers.get("components")
                                .get(serverId(0))
                                .get("status")
                                .asString())
                        .isEqualTo("UP");
                assertThat(health.body()).doesNotContain(PASSWORD);
            }
        } finally {
            sandboxServers[1] = startSandboxServer(1, sandboxPorts[1]);
        }
        HttpResponse<String> back =
                until(() -> onSecondServer.run(first, "select 1"), response -> response.statusCode() == 200);
        assertThat(back.statusCode())
                .as("the lab is back by itself: " + back.body())
                .isEqualTo(200);
        assertThat(onSecondServer.runOk(second, "select 1").get("database").asString())
                .isEqualTo(JSON.readTree(back.body()).get("database").asString());
        assertThat(until(() -> get(first, "/actuator/health"), response -> response.statusCode() == 200)
                        .statusCode())
                .isEqualTo(200);
    }

    /** Whether the process is gone (a zombie waiting to be reaped counts as gone), waiting up to 10 s. */
    private static boolean stopped(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid)
                        .filter(process ->
                                process.isAlive() && process.info().command().isPresent())
                        .isPresent()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return ProcessHandle.of(pid)
                .filter(process -> process.isAlive() && process.info().command().isPresent())
                .isEmpty();
    }

    /** A new learner whose sandbox is on server {@code i} (placement alternates, so a few tries do). */
    private Learner learnerOn(int i) {
        for (int attempt = 0; attempt < 6; attempt++) {
            Learner learner = new Learner();
            if (serverOf(learner.runOk(first, "select 1")).equals(serverId(i))) {
                return learner;
            }
        }
        throw new AssertionError("no new learner was placed on " + serverId(i));
    }

    private static String serverOf(JsonNode run) {
        return JdbcClient.create(instances.get(0).getBean(javax.sql.DataSource.class))
                .sql("select server_id from lab_sandbox where database_name = :database")
                .param("database", run.get("database").asString())
                .query(String.class)
                .single();
    }

    private static boolean databaseExists(String database) throws Exception {
        for (int i = 0; i < 2; i++) {
            if (sandboxServers[i] == null) {
                throw new AssertionError("sandbox server " + i + " is not running");
            }
            Properties login = new Properties();
            login.setProperty("user", "postgres");
            login.setProperty("password", PASSWORD);
            try (Connection admin = DriverManager.getConnection(sandboxServers[i].jdbcUrl("postgres"), login);
                    PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** Sends the request until it answers as wanted, for at most 30 s; returns the last answer. */
    private static HttpResponse<String> until(Request request, Predicate<HttpResponse<String>> wanted)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = request.send();
        while (!wanted.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = request.send();
        }
        return response;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One browser: its cookies (the session, the CSRF token, the lab pass) go to whichever instance
     * it asks, as behind a load balancer without session affinity (cookies are per host, not port).
     */
    private static final class Learner {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(cookies).build();

        JsonNode runOk(int port, String sql) {
            HttpResponse<String> response = run(port, sql);
            if (response.statusCode() != 200) {
                throw new AssertionError("run answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        HttpResponse<String> run(int port, String sql) {
            return post(port, LESSON + "/run", JSON.writeValueAsString(Map.of("sql", sql)));
        }

        HttpResponse<String> post(int port, String path, String json) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrfToken(port))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build());
        }

        HttpResponse<String> get(int port, String path) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json")
                    .GET()
                    .build());
        }

        private String csrfToken(int port) {
            if (token() == null) {
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .GET()
                        .build());
            }
            return token();
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new AssertionError("request failed: " + request.uri(), e);
            }
        }
    }
}
