package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two-session lab on real PostgreSQL: transactions span runs, a statement that waits for the
 * other session's lock answers at once and finishes later, deadlocks and serialization failures
 * end one side, the lock panel shows the learner's own backends only, and the time bounds and a
 * reset end what is left open.
 */
@IntegrationTest
class TwoSessionLabTest {

    static final String LESSON = "/api/lab/fixture/transactions";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LabSessions sessions;

    @Autowired
    MeterRegistry meters;

    /** A learner of the two-session lab. */
    static final class Learner {
        final Http http;

        Learner(int port) {
            http = new Http(port);
        }

        HttpResponse<String> runRaw(String session, String sql) {
            return http.postJson(LESSON + "/run", JSON.writeValueAsString(Map.of("sql", sql, "session", session)));
        }

        JsonNode run(String session, String sql) {
            HttpResponse<String> response = runRaw(session, sql);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        JsonNode sessions() {
            HttpResponse<String> response = http.getJson(LESSON + "/sessions");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        JsonNode locks() {
            HttpResponse<String> response = http.getJson(LESSON + "/locks");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        /** Polls the sessions until both are done, collecting each one's pending results and messages. */
        Map<String, List<JsonNode>> settle() throws InterruptedException {
            Map<String, List<JsonNode>> pending = Map.of("a", new ArrayList<>(), "b", new ArrayList<>());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode view = sessions();
                boolean busy = false;
                for (JsonNode session : view.get("sessions")) {
                    String name = session.get("name").asString();
                    session.get("pending").forEach(pending.get(name)::add);
                    session.get("messages").forEach(message -> pending.get(name)
                            .add(JSON.createObjectNode().put("kind", "message").put("message", message.asString())));
                    String state = session.get("state").asString();
                    busy |= state.equals("waiting") || state.equals("running");
                }
                if (!busy) {
                    return pending;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the sessions did not settle: " + sessions());
        }

        JsonNode state(String name) {
            for (JsonNode session : sessions().get("sessions")) {
                if (session.get("name").asString().equals(name)) {
                    return session;
                }
            }
            throw new AssertionError("no session " + name);
        }
    }

    private static JsonNode last(JsonNode response) {
        JsonNode results = response.get("results");
        return results.get(results.size() - 1);
    }

    @Test
    void aStatementThatWaitsAnswersAtOnceAndFinishesWhenTheOtherSessionCommits() throws InterruptedException {
        Learner learner = new Learner(port);
        JsonNode begun = learner.run("a", "begin; update accounts set balance = balance + 1 where id = 1;");
        assertThat(begun.get("session").asString()).isEqualTo("a");
        assertThat(begun.get("state").get("state").asString()).isEqualTo("in transaction");
        assertThat(begun.get("messages")).isEmpty(); // nothing is rolled back at the end of the run

        JsonNode before = learner.run("b", "select balance from accounts where id = 1;");
        String balance = last(before).get("rows").get(0).get(0).asString();

        JsonNode waiting =
                learner.run("b", "update accounts set balance = balance + 2 where id = 1 returning balance;");
        assertThat(last(waiting).get("kind").asString()).isEqualTo("waiting");
        assertThat(last(waiting).get("blockedBy").asString()).isEqualTo("a");
        assertThat(waiting.get("state").get("state").asString()).isEqualTo("waiting");
        assertThat(learner.state("b").get("blockedBy").asString()).isEqualTo("a");

        HttpResponse<String> busy = learner.runRaw("b", "select 1;");
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(busy.body()).contains("Session B is still waiting for a lock held by session A");

        learner.run("a", "commit;");
        List<JsonNode> done = learner.settle().get("b");
        assertThat(done).hasSize(1);
        assertThat(done.get(0).get("kind").asString()).isEqualTo("rows");
        assertThat(new java.math.BigDecimal(
                        done.get(0).get("rows").get(0).get(0).asString()))
                .isEqualByComparingTo(new java.math.BigDecimal(balance).add(new java.math.BigDecimal(3)));
        assertThat(learner.state("a").get("state").asString()).isEqualTo("idle");
        assertThat(learner.state("b").get("state").asString()).isEqualTo("idle");
    }

    @Test
    void aDeadlockEndsOneSessionWith40P01AndTheOtherCarriesOn() throws InterruptedException {
        Learner learner = new Learner(port);
        learner.run("a", "begin; update accounts set balance = balance + 1 where id = 4;");
        learner.run("b", "begin; update accounts set balance = balance + 1 where id = 5;");
        JsonNode aWaits = learner.run("a", "update accounts set balance = balance + 1 where id = 5;");
        assertThat(last(aWaits).get("kind").asString()).isEqualTo("waiting");
        JsonNode bRuns = learner.run("b", "update accounts set balance = balance + 1 where id = 4;");
        Map<String, List<JsonNode>> settled = learner.settle();
        List<JsonNode> all = new ArrayList<>(settled.get("a"));
        all.addAll(settled.get("b"));
        bRuns.get("results").forEach(all::add);
        List<String> states = all.stream()
                .filter(result -> result.has("sqlstate"))
                .map(result -> result.get("sqlstate").asString())
                .toList();
        assertThat(states).containsExactly("40P01");
        assertThat(all.stream().filter(result -> "UPDATE 1".equals(textOf(result, "tag"))))
                .hasSize(1);
        // the session that lost is in a failed transaction, the other still holds its own
        Set<String> after = new HashSet<>(List.of(
                learner.state("a").get("state").asString(),
                learner.state("b").get("state").asString()));
        assertThat(after).containsExactlyInAnyOrder("in failed transaction", "in transaction");
        learner.run("a", "rollback;");
        learner.run("b", "rollback;");
    }

    @Test
    void writeSkewUnderSerializableFailsOneSideWith40001() {
        Learner learner = new Learner(port);
        String read = "select sum(balance) from accounts where id in (1, 2);";
        learner.run("a", "begin isolation level serializable; " + read);
        JsonNode b = learner.run("b", "begin isolation level serializable; " + read);
        assertThat(b.get("state").get("isolationLevel").asString()).isEqualTo("serializable");
        learner.run("a", "update accounts set balance = balance - 1 where id = 1;");
        learner.run("b", "update accounts set balance = balance - 1 where id = 2;");
        JsonNode aCommits = learner.run("a", "commit;");
        assertThat(last(aCommits).get("kind").asString()).isEqualTo("command");
        JsonNode bCommits = learner.run("b", "commit;");
        assertThat(last(bCommits).get("sqlstate").asString()).isEqualTo("40001");
        assertThat(learner.state("b").get("state").asString()).isEqualTo("idle");
    }

    @Test
    void theLockPanelShowsTheLearnersOwnSessionsOnly() {
        Learner alice = new Learner(port);
        Learner bob = new Learner(port);
        alice.run("a", "begin; update accounts set balance = balance + 1 where id = 7;");
        bob.run("a", "begin; update accounts set balance = balance + 1 where id = 7;");
        JsonNode alicePanel = alice.locks();
        JsonNode bobPanel = bob.locks();
        Set<Integer> alicePids = pids(alicePanel);
        Set<Integer> bobPids = pids(bobPanel);
        assertThat(alicePids).isNotEmpty();
        assertThat(bobPids).isNotEmpty().doesNotContainAnyElementsOf(alicePids);
        List<String> aliceLocks = new ArrayList<>();
        alicePanel.get("locks").forEach(lock -> {
            assertThat(alicePids).contains(lock.get("pid").asInt());
            aliceLocks.add(lock.get("session").asString() + " "
                    + lock.get("mode").asString() + " " + textOf(lock, "relation"));
        });
        assertThat(aliceLocks).contains("a RowExclusiveLock accounts");
        JsonNode backend = alicePanel.get("backends").get(0);
        assertThat(backend.get("session").asString()).isEqualTo("a");
        assertThat(backend.get("xid").asString()).isNotBlank(); // an update takes a transaction id
        alice.run("a", "rollback;");
        bob.run("a", "rollback;");
    }

    @Test
    void aTransactionOpenTooLongIsRolledBackWithAMessage() {
        Learner learner = new Learner(port);
        learner.run("b", "begin; update accounts set balance = 0 where id = 8;");
        double hitsBefore = transactionTimeLimitHits();
        sessions.sweep(Duration.ZERO, Long.MAX_VALUE);
        assertThat(transactionTimeLimitHits()).as("netverks.lab.limit.hits").isGreaterThan(hitsBefore);
        JsonNode b = learner.state("b");
        assertThat(b.get("state").asString()).isEqualTo("idle");
        assertThat(b.get("messages").get(0).asString())
                .contains("Session B's transaction was open for 0 minutes")
                .contains("(transaction time limit)");
        JsonNode balance = learner.run("a", "select balance <> 0 from accounts where id = 8;");
        assertThat(last(balance).get("rows").get(0).get(0).asString()).isEqualTo("t");
    }

    private double transactionTimeLimitHits() {
        Counter hits = meters.find("netverks.lab.limit.hits")
                .tag("limit", "transaction time limit")
                .counter();
        return hits == null ? 0 : hits.count();
    }

    @Test
    void aResetEndsBothSessionsAndTheirLocks() {
        Learner learner = new Learner(port);
        learner.run("a", "begin; update accounts set balance = balance + 1 where id = 9;");
        assertThat(learner.http.postJson(LESSON + "/reset", "").statusCode()).isEqualTo(200);
        assertThat(learner.state("a").get("state").asString()).isEqualTo("idle");
        JsonNode b = learner.run("b", "update accounts set balance = balance + 1 where id = 9;");
        assertThat(last(b).get("tag").asString()).isEqualTo("UPDATE 1"); // nothing holds the row any more
    }

    @Test
    void aSessionMustBeAOrBAndCancelNamesTheSession() {
        Learner learner = new Learner(port);
        HttpResponse<String> wrong = learner.runRaw("c", "select 1;");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\\\"session\\\" must be \\\"a\\\" or \\\"b\\\"");
        HttpResponse<String> idle = learner.http.postJson(LESSON + "/sessions/a/cancel", "");
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(idle.body()).contains("\"cancelled\":false");
        assertThat(learner.http.postJson(LESSON + "/sessions/z/cancel", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aWaitingStatementCanBeCancelled() throws InterruptedException {
        Learner learner = new Learner(port);
        learner.run("a", "begin; update accounts set balance = balance + 1 where id = 10;");
        JsonNode waiting = learner.run("b", "update accounts set balance = balance + 1 where id = 10;");
        assertThat(last(waiting).get("kind").asString()).isEqualTo("waiting");
        HttpResponse<String> cancel = learner.http.postJson(LESSON + "/sessions/b/cancel", "");
        assertThat(cancel.body()).contains("\"cancelled\":true");
        List<JsonNode> b = learner.settle().get("b");
        assertThat(b.get(0).get("message").asString()).isEqualTo("Cancelled: you stopped this statement.");
        learner.run("a", "rollback;");
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Set<Integer> pids(JsonNode panel) {
        Set<Integer> pids = new HashSet<>();
        panel.get("backends").forEach(backend -> pids.add(backend.get("pid").asInt()));
        return pids;
    }
}
