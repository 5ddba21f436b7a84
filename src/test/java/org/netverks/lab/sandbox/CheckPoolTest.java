package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-changing checks take pristine copies from a pool of their own (2 per dataset in the test
 * app), never the learners' warm pool; each copy is used once, the pool refills in the background
 * and never holds more than its size.
 */
@IntegrationTest
class CheckPoolTest {

    private static final String TRANSFER =
            "/api/lab/fixture/postgresql-with-python/exercises/transfer-like-psycopg/check";
    private static final String TRANSFER_RIGHT =
            """
            begin;
            update accounts set balance = balance - 250.00 where id = 32;
            update accounts set balance = balance + 250.00 where id = 19;
            insert into transfers (from_account, to_account, amount) values (32, 19, 250.00);
            commit;""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SandboxService sandboxes;

    @Autowired
    SandboxRepository repository;

    @Autowired
    ContentCatalog catalog;

    @Autowired
    JdbcClient platform;

    @Test
    void aRightAnswerAfterADestructiveOneIsGradedOnPristineCopiesFromTheCheckPool() throws Exception {
        fullPool();
        List<UUID> pooled = ready("checks");
        List<UUID> learners = ready("learners");
        assertThat(pooled).hasSize(2);
        Http learner = new Http(port);

        JsonNode destroyed = check(
                learner,
                "insert into transfers (from_account, to_account, amount) values (32, 19, 250.00);"
                        + " update accounts set balance = 0; delete from transfers where amount <> 250.00;"
                        + " drop table accounts cascade;");
        JsonNode right = check(learner, TRANSFER_RIGHT);

        assertThat(destroyed.get("correct").asBoolean())
                .as(destroyed.toString())
                .isFalse();
        assertThat(right.get("correct").asBoolean()).as(right.toString()).isTrue();
        assertThat(recorded(pooled))
                .as("both checks took a copy of the pool (oldest first) and gave it up afterwards")
                .isEmpty();
        assertThat(ready("learners"))
                .as("the learners' warm pool is left to first runs")
                .containsAll(learners);
    }

    @Test
    void thePoolRefillsAfterChecksTakeCopiesAndNeverHoldsMoreThanItsSize() throws Exception {
        Dataset practice = catalog.current().dataset("practice").orElseThrow();
        fullPool();
        List<UUID> pooled = ready("checks");

        ScratchDatabases.Scratch first = sandboxes.take(practice);
        ScratchDatabases.Scratch second = sandboxes.take(practice);
        assertThat(List.of(first.sandbox().id(), second.sandbox().id())).containsExactlyInAnyOrderElementsOf(pooled);
        sandboxes.discard(first);
        sandboxes.discard(second);
        fullPool();

        List<UUID> refilled = ready("checks");
        assertThat(refilled).hasSize(2).doesNotContainAnyElementsOf(pooled);
        for (int i = 0; i < 3; i++) {
            sandboxes.topUpCheckPoolNow().get(60, TimeUnit.SECONDS);
        }
        assertThat(ready("checks")).as("topping up a full pool adds nothing").isEqualTo(refilled);
        assertThat(repository.insertForChecks(unmade(first), 2))
                .as("another app instance's copy is refused once the pool is full")
                .isFalse();
        assertThat(ready("checks")).isEqualTo(refilled);

        ScratchDatabases.Scratch third = sandboxes.take(practice); // one place free
        List<Sandbox> racing = List.of(unmade(third), unmade(third));
        var instances = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var attempts = racing.stream()
                    .map(copy -> instances.submit(() -> repository.insertForChecks(copy, 2)))
                    .toList();
            int recordedCopies = 0;
            for (var attempt : attempts) {
                recordedCopies += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(recordedCopies)
                    .as("two instances filling the last place at once")
                    .isLessThanOrEqualTo(1);
            assertThat(ready("checks")).hasSizeLessThanOrEqualTo(2);
        } finally {
            instances.shutdown();
            racing.forEach(copy -> repository.delete(copy.id())); // never claimed: no such database exists
            sandboxes.discard(third);
        }
    }

    /** A pool record of a copy that was never made, of the same template as {@code like}. */
    private static Sandbox unmade(ScratchDatabases.Scratch like) {
        String name = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Sandbox(
                UUID.randomUUID(),
                like.sandbox().serverId(),
                like.sandbox().dataset(),
                like.sandbox().template(),
                "sb_unmade_" + name,
                "lr_unmade_" + name,
                "unused");
    }

    private void fullPool() throws Exception {
        sandboxes.topUpCheckPoolNow().get(60, TimeUnit.SECONDS);
    }

    private JsonNode check(Http learner, String sql) {
        HttpResponse<String> response = learner.postJson(TRANSFER, JSON.writeValueAsString(Map.of("sql", sql)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The ready copies of the practice dataset in one pool, oldest first. */
    private List<UUID> ready(String pool) {
        return platform.sql(
                        """
                select id from lab_sandbox where owner_key is null and pool = :pool and dataset = 'practice'
                order by created_at""")
                .param("pool", pool)
                .query(UUID.class)
                .list();
    }

    private List<UUID> recorded(List<UUID> ids) {
        return platform.sql("select id from lab_sandbox where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }
}
