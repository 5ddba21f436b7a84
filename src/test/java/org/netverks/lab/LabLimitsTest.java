package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every limit holds and says which limit stopped the learner, and the app keeps serving.
 * (The test app runs with a 2 s statement limit, a 4 s run limit and a 40 MB disk quota.)
 */
@IntegrationTest
class LabLimitsTest {

    @LocalServerPort
    int port;

    @Test
    void aLongStatementIsStoppedAtTheStatementTimeLimitEvenIfTheLearnerLiftsTheirOwn() {
        LabClient learner = new LabClient(port);
        JsonNode results = learner.run(
                        """
                set statement_timeout = 0;
                select pg_sleep(30);
                select 'after';""")
                .get("results");
        JsonNode stopped = results.get(1);
        assertThat(stopped.get("kind").asString()).isEqualTo("error");
        assertThat(stopped.get("limit").asString()).isEqualTo("statement time limit");
        assertThat(stopped.get("message").asString())
                .contains("statement time limit")
                .contains("2 s");
        assertThat(results.get(2).get("kind").asString())
                .as("psql goes on after an error")
                .isEqualTo("rows");
        assertThat(learner.one("select 1").get("kind").asString())
                .as("the sandbox still works")
                .isEqualTo("rows");
    }

    @Test
    void manyStatementsTogetherAreStoppedAtTheRunTimeLimit() {
        // ten statements of 1.5 s, each inside the 2 s statement limit, together far past the 4 s run
        // budget, which runs out during the third (3.0–4.5 s): half a second away from any boundary
        // between statements, where the stop would be reported without a stopped statement
        JsonNode run = new LabClient(port).run("select pg_sleep(1.5);".repeat(10) + " select 11;");
        JsonNode results = run.get("results");
        JsonNode stopped = results.get(results.size() - 1);
        assertThat(stopped.get("limit").asString()).isEqualTo("run time limit");
        assertThat(run.get("messages").toString()).contains("run time limit");
        assertThat(results.size()).isLessThan(11);
        for (int i = 0; i < results.size() - 1; i++) {
            assertThat(results.get(i).get("kind").asString())
                    .as("statement %d", i)
                    .isEqualTo("rows");
        }
    }

    @Test
    void anInfiniteLoopIsStopped() {
        JsonNode result = new LabClient(port).one("do $$ begin loop perform 1; end loop; end $$");
        assertThat(result.get("limit").asString()).isEqualTo("statement time limit");
    }

    @Test
    void rowsSentToTheBrowserAreCappedButCounted() {
        JsonNode result = new LabClient(port).one("select g from generate_series(1, 2000) g");
        assertThat(result.get("rowCount").asLong()).isEqualTo(2000);
        assertThat(result.get("rows").size()).isEqualTo(500);
        assertThat(result.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void aHugeResultIsStoppedAtTheResultSizeLimitAndTheNextRunReconnects() {
        LabClient learner = new LabClient(port);
        JsonNode result = learner.one("select repeat('x', 1000000) from generate_series(1, 20)");
        assertThat(result.get("kind").asString()).isEqualTo("error");
        assertThat(result.get("limit").asString()).isEqualTo("result size limit");
        assertThat(result.get("message").asString()).contains("8 MB");
        assertThat(learner.one("select 2").get("rows").get(0).get(0).asString()).isEqualTo("2");
    }

    @Test
    void aFloodOfNoticesIsCountedNotKept() {
        JsonNode result =
                new LabClient(port).one("do $$ begin for i in 1..20000 loop raise notice 'n %', i; end loop; end $$");
        assertThat(result.get("kind").asString()).isEqualTo("command");
        assertThat(result.get("source").get("notices").size()).isEqualTo(100);
        assertThat(result.get("source").get("moreNotices").asLong()).isEqualTo(19900);
    }

    @Test
    void oversizedSqlIsRefusedWith413() {
        HttpResponse<String> response = new LabClient(port).runRaw("select '" + "x".repeat(70_000) + "'");
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = LabClient.parse(response.body());
        assertThat(body.get("limit").asString()).isEqualTo("SQL size limit");
        assertThat(body.get("error").asString()).contains("64 KB");
    }

    @Test
    void aHugeRequestBodyIsRefusedBeforeItIsRead() {
        HttpResponse<String> response = new LabClient(port).runRaw("select '" + "x".repeat(2_000_000) + "'");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(LabClient.parse(response.body()).get("limit").asString()).isEqualTo("request size limit");

        HttpResponse<String> chunked = new LabClient(port)
                .http()
                .postStream(LabClient.LESSON + "/run", "{\"sql\": \"" + "x".repeat(2_000_000) + "\"}");
        assertThat(chunked.statusCode()).as("a body sent without a length").isEqualTo(413);
    }

    @Test
    void malformedRequestsAndUnknownLessonsGetJsonErrors() {
        LabClient learner = new LabClient(port);
        HttpResponse<String> malformed = learner.http().postJson(LabClient.LESSON + "/run", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"error\"");
        HttpResponse<String> noSql = learner.http().postJson(LabClient.LESSON + "/run", "{}");
        assertThat(noSql.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = learner.http().postJson("/api/lab/fixture/nope/run", "{\"sql\":\"select 1\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\"");
        HttpResponse<String> forged =
                learner.http().postWithoutCsrf(LabClient.LESSON + "/run", "{\"sql\":\"select 1\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anOpenTransactionIsRolledBackWhenTheRunEnds() {
        LabClient learner = new LabClient(port);
        JsonNode run = learner.run("begin; delete from transfers;");
        assertThat(run.get("messages").toString()).contains("rolled back");
        assertThat(learner.one("select count(*) from transfers")
                        .get("rows")
                        .get(0)
                        .get(0)
                        .asString())
                .isEqualTo("30");
    }

    @Test
    void committedWorkStaysAndSessionStateDoesNot() {
        LabClient learner = new LabClient(port);
        learner.run("create table notes (n int); insert into notes values (1); set search_path = nowhere; listen x;");
        JsonNode after = learner.run(
                        "show search_path; select count(*) from notes; select count(*) from pg_listening_channels();")
                .get("results");
        assertThat(after.get(0).get("rows").get(0).get(0).asString()).isEqualTo("\"$user\", public");
        assertThat(after.get(1).get("rows").get(0).get(0).asString()).isEqualTo("1");
        assertThat(after.get(2).get("rows").get(0).get(0).asString()).isEqualTo("0");
    }

    @Test
    void aConnectionTheDriverClosesIsReplacedOnTheNextRun() {
        LabClient learner = new LabClient(port);
        learner.run("set client_encoding = 'LATIN1'");
        assertThat(learner.one("select 'still here'").get("rows").get(0).get(0).asString())
                .isEqualTo("still here");
    }

    @Test
    void theDiskQuotaStopsRunsUntilAReset() {
        LabClient learner = new LabClient(port);
        JsonNode run = learner.run(
                "create unlogged table filler as select repeat('x', 1000) as pad from generate_series(1, 50000)");
        assertThat(run.get("messages").toString()).contains("disk quota");
        HttpResponse<String> refused = learner.runRaw("select 1");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(LabClient.parse(refused.body()).get("limit").asString()).isEqualTo("disk quota");
        assertThat(learner.reset().statusCode()).isEqualTo(200);
        assertThat(learner.one("select count(*) from pg_tables where tablename = 'filler'")
                        .get("rows")
                        .get(0)
                        .get(0)
                        .asString())
                .isEqualTo("0");
    }

    @Test
    void resetBringsBackThePristineData() {
        LabClient learner = new LabClient(port);
        learner.run("delete from accounts where balance > 0; drop table transfers;");
        assertThat(learner.reset().statusCode()).isEqualTo(200);
        JsonNode results = learner.run("select count(*) from transfers; select count(*) from accounts;")
                .get("results");
        assertThat(results.get(0).get("rows").get(0).get(0).asString()).isEqualTo("30");
        assertThat(results.get(1).get("rows").get(0).get(0).asString()).isEqualTo("40");
    }
}
