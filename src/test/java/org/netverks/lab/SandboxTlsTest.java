package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The embedded sandbox cluster opened to other machines, as an operator configures it: every
 * interface, a fixed port, the host name learners use, and the operator's certificate. Learners
 * reach it over TLS only; the admin role not at all from the network; the lab itself as before.
 * A second app of its own (data under target/test-data/<pid>/tls).
 *
 * <p>Every connection stays in 127.0.0.0/8 (this workplace allows no other traffic, not even to
 * the machine's own interface address): a learner's computer is played by a JDBC client whose
 * socket is bound to 127.0.0.2, so the server sees a client that is not 127.0.0.1 and applies the
 * network pg_hba line, not the localhost ones. Learners are shown the made-up host
 * {@value #PUBLIC_HOST}, which is never resolved; the test connects to {@value #NETWORK_CLIENT}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/tls",
            "netverks.content-dir=" + org.netverks.IntegrationTest.FIXTURE_CONTENT,
            "netverks.lab.warm-pool-size=0",
            "netverks.lab.creations-per-client-per-hour=10000",
            "netverks.lab.listen-addresses=*"
        })
// an app of its own that no other class reuses: stopped after this class, so that its clusters and
// background jobs do not run on through the rest of the suite
@org.springframework.test.annotation.DirtiesContext
class SandboxTlsTest {

    private static final Path TLS = Path.of("target/test-tls").toAbsolutePath();
    /** The host name learners are shown; never resolved, connections go to {@link #NETWORK_CLIENT}. */
    private static final String PUBLIC_HOST = "sandbox.netverks.test";
    /** Where the learner's computer connects to and from: loopback, but not 127.0.0.1. */
    private static final String NETWORK_CLIENT = "127.0.0.2";

    private static int sandboxPort;

    @LocalServerPort
    int port;

    @BeforeAll
    static void needsOpenssl() {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl to make a certificate: TLS test skipped");
    }

    @DynamicPropertySource
    static void clusterOpenToTheNetwork(DynamicPropertyRegistry registry) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            return; // skipped in @BeforeAll
        }
        selfSignedCertificate();
        try (ServerSocket free = new ServerSocket(0)) {
            sandboxPort = free.getLocalPort();
        }
        registry.add("netverks.lab.embedded-port", () -> sandboxPort);
        registry.add("netverks.lab.public-host", () -> PUBLIC_HOST);
        registry.add(
                "netverks.lab.tls-certificate", () -> TLS.resolve("server.crt").toString());
        registry.add("netverks.lab.tls-key", () -> TLS.resolve("server.key").toString());
    }

    @Test
    void theConnectionDetailsNameThePublicHostTheFixedPortAndRequireTls() {
        JsonNode details = new LabClient(port).connection();

        assertThat(details.get("host").asString()).isEqualTo(PUBLIC_HOST);
        assertThat(details.get("port").asInt()).isEqualTo(sandboxPort);
        assertThat(details.get("tls").asBoolean()).isTrue();
        assertThat(details.get("serverOnly").asBoolean()).isFalse();
        assertThat(details.get("uri").asString())
                .endsWith("@" + PUBLIC_HOST + ":" + sandboxPort + "/"
                        + details.get("database").asString() + "?sslmode=require");
    }

    @Test
    void aLearnerConnectsFromTheNetworkOverTlsWithTheOperatorsCertificate() throws Exception {
        JsonNode details = new LabClient(port).connection();
        Properties tls = learner(details);
        // verify-full: the server shows the operator's certificate, valid for the address connected to
        tls.setProperty("sslmode", "verify-full");
        tls.setProperty("sslrootcert", TLS.resolve("server.crt").toString());

        try (Connection connection = DriverManager.getConnection(url(details), tls);
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery(
                                "select pg_backend_pid(), inet_client_addr()::text, count(*) from customers group by 1, 2")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2))
                    .as("came as from the network: not 127.0.0.1, so no localhost pg_hba line")
                    .isEqualTo(NETWORK_CLIENT + "/32");
            assertThat(rows.getLong(3)).isPositive();
            assertThat(sslOf(rows.getInt(1))).isTrue();
        }
        Properties require = learner(details);
        require.setProperty("sslmode", "require");
        try (Connection connection = DriverManager.getConnection(url(details), require)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void withoutTlsOrAsTheAdminTheNetworkIsRefused() throws Exception {
        JsonNode details = new LabClient(port).connection();
        Properties plain = learner(details);
        plain.setProperty("sslmode", "disable");
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url(details), plain).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry")
                .hasMessageContaining("no encryption");

        Properties admin = new Properties();
        admin.setProperty("user", "postgres");
        admin.setProperty("password", adminPassword());
        admin.setProperty("sslmode", "require");
        admin.setProperty("localSocketAddress", NETWORK_CLIENT);
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url(details), admin).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry");
    }

    @Test
    void theLabItselfStillRunsOnLocalhost() {
        JsonNode result = new LabClient(port).one("select count(*) from customers");
        assertThat(result.get("kind").asString()).isEqualTo("rows");
    }

    /**
     * psql cannot bind its source address: to 127.0.0.2 it comes from 127.0.0.1, so this is the
     * localhost pg_hba line. It proves the shown URI works in real psql and asks for TLS; the
     * network line is proven with JDBC above.
     */
    @Test
    void realPsqlConnectsOverTlsWithTheShownUri() throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        assumeTrue(
                Files.isExecutable(psql), "no psql client at " + psql + ": install postgresql-client to run this test");
        JsonNode details = new LabClient(port).connection();
        // hostaddr: connect to loopback without resolving the made-up public host name
        String uri = details.get("uri").asString() + "&hostaddr=" + NETWORK_CLIENT;
        Process process = new ProcessBuilder(
                        psql.toString(), "--no-psqlrc", "--no-password", "--dbname", uri, "-c", "\\conninfo")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output)
                .contains("as user \"" + details.get("user").asString() + "\"", "SSL connection (protocol: TLS");
        assertThat(process.exitValue()).isZero();
    }

    private boolean sslOf(int pid) throws SQLException, IOException {
        Properties admin = new Properties();
        admin.setProperty("user", "postgres");
        admin.setProperty("password", adminPassword());
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://localhost:" + sandboxPort + "/postgres", admin);
                PreparedStatement query = connection.prepareStatement("select ssl from pg_stat_ssl where pid = ?")) {
            query.setInt(1, pid);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static String adminPassword() throws IOException {
        return Files.readString(org.netverks.platform.TestData.dir("tls").resolve("sandbox-admin-password"))
                .strip();
    }

    private static Properties learner(JsonNode details) {
        Properties properties = new Properties();
        properties.setProperty("user", details.get("user").asString());
        properties.setProperty("password", details.get("password").asString());
        // the learner's computer: the server sees this client address, not 127.0.0.1
        properties.setProperty("localSocketAddress", NETWORK_CLIENT);
        return properties;
    }

    /** The shown port and database, at {@link #NETWORK_CLIENT} instead of the (unresolvable) shown host. */
    private static String url(JsonNode details) {
        return "jdbc:postgresql://" + NETWORK_CLIENT + ":" + details.get("port").asInt() + "/"
                + details.get("database").asString();
    }

    /** A certificate for the shown host name (and the address the test connects to), as an operator's. */
    private static void selfSignedCertificate() throws IOException, InterruptedException {
        Files.createDirectories(TLS);
        Process openssl = new ProcessBuilder(
                        "/usr/bin/openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:prime256v1",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=" + PUBLIC_HOST,
                        "-addext",
                        "subjectAltName=DNS:" + PUBLIC_HOST + ",IP:" + NETWORK_CLIENT,
                        "-keyout",
                        TLS.resolve("server.key").toString(),
                        "-out",
                        TLS.resolve("server.crt").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make a test certificate: " + output);
        }
    }
}
