package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A learner's runs after the first take the lean path ({@link LeanLabRuns}): they write nothing to
 * the platform database, answer exactly as the full path does, and a lab pass is honoured only
 * for the learner and session it was issued to.
 */
@IntegrationTest
class LeanLabRunsTest {

    private static final String RUN = LabClient.LESSON + "/run";

    @LocalServerPort
    int port;

    @Autowired
    DataSource platform;

    @Autowired
    MeterRegistry meters;

    @Test
    void runsAfterTheFirstWriteNothingToThePlatformDatabase() throws InterruptedException {
        LabClient learner = new LabClient(port);
        learner.run("select 1");
        learner.run("\\x"); // a change of settings is written once, when it happens
        LongSupplier writeTransactions = () -> JdbcClient.create(platform)
                // every transaction that writes takes a transaction id: the next one to be given out
                .sql("select pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text::bigint")
                .query(Long.class)
                .single();
        // the app also writes now and then by itself (a warm-pool top-up): a writer per run would
        // show in every window of runs, a background one in few, so one clean window of three will do
        List<Long> writesPerWindow = new ArrayList<>();
        for (int window = 0; window < 3 && !writesPerWindow.contains(0L); window++) {
            long before = quiet(writeTransactions);
            for (int i = 0; i < 40; i++) {
                learner.run("select 1");
                learner.run("select c.email, count(*) from customers c join accounts a on a.customer_id = c.id "
                        + "group by c.email order by 2 desc, 1 limit 5");
            }
            writesPerWindow.add(writeTransactions.getAsLong() - before);
        }

        assertThat(writesPerWindow)
                .as("transactions that wrote to the platform database in each window of 80 runs")
                .contains(0L);
        assertThat(learner.one("select 1 as a").get("text").asString())
                .as("the settings still hold")
                .contains("-[ RECORD 1 ]");
    }

    @Test
    void theLeanPathAnswersAsTheFullPathDoes() {
        LabClient learner = new LabClient(port);
        HttpResponse<String> full = learner.runRaw("select 1 as one");
        HttpResponse<String> lean = learner.runRaw("select 1 as one");

        assertThat(full.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(LabPasses.COOKIE + "="));
        assertThat(lean.headers().allValues("Set-Cookie"))
                .as("the lean path hands out no pass: it was given one")
                .isEmpty();
        assertThat(headersOf(lean)).isEqualTo(headersOf(full)).containsKey("content-security-policy");
        assertThat(withoutTimings(lean.body())).isEqualTo(withoutTimings(full.body()));

        HttpResponse<String> refused = learner.runRaw("x".repeat(70 * 1024));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(LabClient.parse(refused.body()).get("limit").asString()).isEqualTo("SQL size limit");
        assertThat(learner.http().postJson(RUN, "{\"sql\":").statusCode()).isEqualTo(400);
        assertThat(learner.http()
                        .postJson("/api/lab/fixture/no-such-lesson/run", "{\"sql\":\"select 1\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void runsAreTimedByTheLabNotAsHttpRequests() {
        LabClient learner = new LabClient(port);
        learner.run("select 1");
        long answered = runs("answered");
        learner.run("select 1");
        learner.run("select 2");
        assertThat(learner.runRaw("x".repeat(70 * 1024)).statusCode()).isEqualTo(413);

        assertThat(runs("answered") - answered).isEqualTo(2);
        assertThat(runs("refused")).isPositive();
        assertThat(meters.find("http.server.requests").timers())
                .noneMatch(timer -> String.valueOf(timer.getId().getTag("uri")).endsWith("/run"));
    }

    private long runs(String outcome) {
        return meters.get("netverks.lab.runs").tag("outcome", outcome).timer().count();
    }

    @Test
    void settingsChangedOnTheLeanPathAreKeptInTheSession() {
        LabClient learner = new LabClient(port);
        learner.run("select 1");
        HttpResponse<String> expanded = learner.runRaw("\\x");
        assertThat(expanded.headers().allValues("Set-Cookie"))
                .as("a new pass names the new settings")
                .anyMatch(c -> c.startsWith(LabPasses.COOKIE + "="));

        learner.http().dropCookie(LabPasses.COOKIE); // the next run goes the full way, which reads the session
        assertThat(learner.one("select 1 as a").get("text").asString()).contains("-[ RECORD 1 ]");
    }

    @Test
    void aPassServesOnlyTheLearnerAndSessionItWasIssuedTo() {
        LabClient alice = new LabClient(port);
        LabClient bob = new LabClient(port);
        String alicesDatabase = alice.run("select 1").get("database").asString();
        String bobsDatabase = bob.run("select 1").get("database").asString();
        String bobsPass = bob.http().cookie(LabPasses.COOKIE);

        alice.http().setCookie(LabPasses.COOKIE, bobsPass, "/api/lab/");
        assertThat(alice.run("select 1").get("database").asString())
                .as("Bob's pass with Alice's session cookie")
                .isEqualTo(alicesDatabase);
        String alicesKey = alice.http().cookie(LabPasses.COOKIE).split("\\.")[2];
        bob.http().setCookie(LabPasses.COOKIE, bobsPass.replace(bobsPass.split("\\.")[2], alicesKey), "/api/lab/");
        assertThat(bob.run("select 1").get("database").asString())
                .as("Bob's pass altered to name Alice")
                .isEqualTo(bobsDatabase);

        HttpResponse<String> forged = bob.http().postWithoutCsrf(RUN, "{\"sql\":\"select 1\"}");
        assertThat(forged.statusCode())
                .as("a valid pass does not excuse a missing CSRF header")
                .isEqualTo(403);
    }

    /** The platform database's next transaction id, once nothing else (a pool top-up) is writing. */
    private static long quiet(LongSupplier writeTransactions) throws InterruptedException {
        long last = writeTransactions.getAsLong();
        for (int i = 0; i < 40; i++) {
            Thread.sleep(500);
            long now = writeTransactions.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static Map<String, String> headersOf(HttpResponse<String> response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("x-request-id")) {
                headers.put(lower, "(each request its own)");
            } else if (!lower.equals("set-cookie") && !lower.equals("date") && !lower.equals("content-length")) {
                headers.put(lower, String.join(", ", values));
            }
        });
        return headers;
    }

    private static String withoutTimings(String body) {
        JsonNode json = LabClient.parse(body);
        return json.toString().replaceAll("\"durationMs\":[0-9.E-]+", "\"durationMs\":0");
    }
}
