package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One learner (one HTTP session) sending runs and resets at the same time: the requests race to
 * give the learner a sandbox (claim from the warm pool, or create one), and the losers must use
 * the winner's — every request is answered normally (or 409 while another run holds the
 * sandbox's session), never a 5xx, and the learner ends with exactly one sandbox.
 */
@IntegrationTest
class LabSandboxRaceTest {

    private static final int AT_ONCE = 8;
    private static final int ROUNDS = 3;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient platform;

    @Test
    void concurrentRunsAndResetsOfOneFreshLearnerEndWithOneSandboxAndNo5xx() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                LabClient learner =
                        new LabClient(port); // a fresh learner each round: the first requests race to obtain
                // the session and its learner key first (a check uses a copy of its own, not the learner's sandbox)
                assertThat(learner.http()
                                .postJson(
                                        "/api/lab/fixture/first-select/exercises/contact-label/check",
                                        "{\"sql\": \"select 1\"}")
                                .statusCode())
                        .isEqualTo(200);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    boolean reset = i % 2 == 1;
                    Callable<HttpResponse<String>> request = () -> {
                        start.await();
                        return reset ? learner.reset() : learner.runRaw("select count(*) from accounts");
                    };
                    answers.add(pool.submit(request));
                }
                start.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
                }
                String database = learner.connection().get("database").asString();
                int sandboxes = platform.sql(
                                """
                        select count(*) from lab_sandbox
                        where owner_key = (select owner_key from lab_sandbox where database_name = :database)""")
                        .param("database", database)
                        .query(Integer.class)
                        .single();
                assertThat(sandboxes)
                        .as("the learner's sandboxes after round " + round)
                        .isEqualTo(1);
                assertThat(learner.one("select count(*) from accounts")
                                .get("rows")
                                .get(0)
                                .get(0)
                                .asString())
                        .as("the sandbox left works")
                        .isEqualTo("40");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
