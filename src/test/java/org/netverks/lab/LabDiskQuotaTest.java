package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.SandboxServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The disk quota (40 MB in tests) holds for every way in: the learner's own client, writing as
 * fast as it can with the connection details the lab shows, is cut off and cannot come back; the
 * lab then refuses runs until a reset, which gives a working sandbox again. The overshoot printed
 * here is what bench/RESULTS.md reports.
 */
@IntegrationTest
class LabDiskQuotaTest {

    private static final long QUOTA = 40L * 1024 * 1024;
    /** Generous: what one backend writes in the ~1 s between two checks, on a slow shared disk. */
    private static final long MOST_OVERSHOOT = 1024L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    SandboxServers servers;

    @Test
    void theLearnersOwnClientWritingInALoopIsCutOffAndCannotComeBack() throws SQLException {
        LabClient learner = new LabClient(port);
        JsonNode details = learner.connection();
        PeakSize peak = new PeakSize(details.get("database").asString());
        long start = System.nanoTime();
        int inserts = 0;
        SQLException stopped = null;
        try (Connection own = LabClient.connect(details);
                Statement statement = own.createStatement()) {
            statement.execute("create unlogged table filler (pad text)");
            while (System.nanoTime() - start < 120_000_000_000L) {
                try {
                    statement.execute("insert into filler select repeat('x', 1000) from generate_series(1, 5000)");
                    inserts++;
                } catch (SQLException e) {
                    stopped = e;
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long size = peak.stop();
        System.out.printf(
                "disk quota, raw client loop: %d inserts of ~5.5 MB in %.1f s, stopped by %s; "
                        + "database at most %d MB for a %d MB quota (overshoot %d MB)%n",
                inserts,
                seconds,
                stopped == null ? "nothing" : stopped.getSQLState(),
                size >> 20,
                QUOTA >> 20,
                (size - QUOTA) >> 20);
        assertThat((Object) stopped).as("the loop was stopped").isNotNull();
        assertThat(size - QUOTA).as("overshoot").isLessThan(MOST_OVERSHOOT);
        assertThatThrownBy(() -> LabClient.connect(details).close())
                .as("no way back in")
                .isInstanceOf(SQLException.class)
                .extracting("SQLState")
                .isEqualTo("28000");

        HttpResponse<String> refused = learner.runRaw("delete from filler");
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode body = LabClient.parse(refused.body());
        assertThat(body.get("limit").asString()).isEqualTo("disk quota");
        assertThat(body.get("error").asString()).contains("40 MB disk quota").contains("Reset it");
        HttpResponse<String> details409 = learner.http().getJson(LabClient.LESSON + "/connection");
        assertThat(details409.statusCode())
                .as("the panel says why, instead of credentials that fail")
                .isEqualTo(409);

        assertThat(learner.reset().statusCode()).isEqualTo(200);
        try (Connection fresh = LabClient.connect(learner.connection())) {
            assertThat(fresh.isValid(2)).isTrue();
        }
        assertThat(learner.one("select count(*) from accounts")
                        .get("rows")
                        .get(0)
                        .get(0)
                        .asString())
                .isEqualTo("40");
    }

    @Test
    void oneHugeStatementInALabRunIsStoppedMidwayAndSaysWhy() throws SQLException {
        LabClient learner = new LabClient(port);
        PeakSize peak = new PeakSize(learner.connection().get("database").asString());
        JsonNode run = learner.run(
                """
                create unlogged table filler as select repeat('x', 1000) as pad from generate_series(1, 3000000);
                select 'not reached';""");
        long size = peak.stop();
        System.out.printf(
                "disk quota, one statement in a lab run: database at most %d MB for a %d MB quota (overshoot %d MB)%n",
                size >> 20, QUOTA >> 20, (size - QUOTA) >> 20);
        assertThat(run.get("results").get(0).get("kind").asString()).isEqualTo("error");
        assertThat(run.get("messages").toString()).contains("disk quota");
        assertThat(size - QUOTA).as("overshoot").isLessThan(MOST_OVERSHOOT);
        HttpResponse<String> refused = learner.runRaw("select 1");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(LabClient.parse(refused.body()).get("limit").asString()).isEqualTo("disk quota");
    }

    @Test
    void aCheckWritingPastTheQuotaOnItsFreshCopySaysWhichLimitStoppedIt() {
        // an exercise with a check query: its answers run on a fresh copy, which the guard watches like any sandbox
        HttpResponse<String> checked = new LabClient(port)
                .http()
                .postJson(
                        LabClient.LESSON + "/exercises/transfer-like-psycopg/check",
                        "{\"sql\": \"create unlogged table filler as "
                                + "select repeat('x', 1000) as pad from generate_series(1, 3000000)\"}");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode verdict = LabClient.parse(checked.body());
        assertThat(verdict.get("correct").asBoolean()).isFalse();
        JsonNode feedback = verdict.get("feedback");
        assertThat(feedback.toString()).doesNotContain("administrator command");
        assertThat(feedback.get(0).get("kind").asString()).isEqualTo("limit");
        assertThat(feedback.get(0).get("message").asString()).contains("40 MB disk quota");
    }

    /**
     * The largest size a database reaches, sampled every 20 ms by the admin while a test writes:
     * an aborted CREATE TABLE AS gives its space back, so the size afterwards would hide the peak.
     */
    private final class PeakSize {
        private final Thread sampler;
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean running = true;

        PeakSize(String database) throws SQLException {
            SandboxServer server = servers.all().get(0);
            Properties properties = new Properties();
            properties.setProperty("user", server.adminUser());
            properties.setProperty("password", server.adminPassword());
            Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), properties);
            PreparedStatement query = admin.prepareStatement("select pg_database_size(?)");
            query.setString(1, database);
            sampler = new Thread(() -> {
                try (admin) {
                    while (running) {
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            peak.accumulateAndGet(rows.getLong(1), Math::max);
                        }
                        Thread.sleep(20);
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            sampler.start();
        }

        long stop() {
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak.get();
        }
    }
}
