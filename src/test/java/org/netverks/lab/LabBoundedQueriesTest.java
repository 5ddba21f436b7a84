package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the lab sends on a learner's connection for itself (psql's catalog queries, the schema
 * panel) stays under the lab's limits, whatever the learner set in their session. A
 * {@code select set_config(…, false)} outlives its run (a run of plain queries ends without
 * DISCARD ALL), so the session's own {@code statement_timeout} cannot be what bounds them.
 * (The test app runs with a 2 s statement limit.)
 */
@IntegrationTest
class LabBoundedQueriesTest {

    @LocalServerPort
    int port;

    @Test
    void aMetaCommandWaitingForALockIsStoppedAtTheStatementTimeLimitAfterTheLearnerLiftedTheirOwn()
            throws SQLException {
        LabClient learner = new LabClient(port);
        learner.run("create table held (id int)");
        learner.run("select set_config('statement_timeout', '0', false), set_config('lock_timeout', '0', false)");

        try (Connection other = LabClient.connect(learner.connection());
                Statement statement = other.createStatement()) {
            // if the lab did not stop the command, the server would end this transaction, not the test run hang
            statement.execute("set idle_in_transaction_session_timeout = '30s'");
            other.setAutoCommit(false);
            statement.execute("lock table held in access exclusive mode");

            // \dt+ sizes the table (pg_table_size), which waits for the lock held above
            JsonNode results = learner.run(
                            "select current_setting('statement_timeout'), current_setting('lock_timeout');\n\\dt+ held")
                    .get("results");

            assertThat(results.get(0).get("rows").get(0).toString())
                    .as("the learner's own limits are still lifted when the command runs")
                    .isEqualTo("[\"0\",\"0\"]");
            JsonNode stopped = results.get(1);
            assertThat(stopped.get("kind").asString()).isEqualTo("error");
            assertThat(stopped.get("limit").asString()).isEqualTo("statement time limit");
            assertThat(stopped.get("message").asString())
                    .contains("statement time limit")
                    .contains("2 s");
            other.rollback();
        }
        JsonNode listed = learner.one("\\dt held");
        assertThat(listed.get("kind").asString()).as("the sandbox still works").isEqualTo("meta");
        assertThat(listed.get("text").asString()).contains("held");
    }

    @Test
    void theSchemaPanelReadsTheCatalogsEvenWhenTheLearnerShadowsThem() {
        LabClient learner = new LabClient(port);
        learner.run(
                """
                create table panel_check (id integer, label text);
                create function public.format_type(oid, integer) returns text
                    language sql as $$ select 'shadowed'::text $$;""");
        // survives the run: a run of plain queries is not followed by DISCARD ALL
        learner.run("select set_config('search_path', 'public, pg_catalog', false)");
        assertThat(learner.one("select format_type(23, -1)").get("rows").toString())
                .as("the learner's function does shadow the catalog's in their session")
                .contains("shadowed");

        HttpResponse<String> schema = learner.http().getJson(LabClient.LESSON + "/schema");

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body())
                .contains("\"name\":\"panel_check\"")
                .contains("\"name\":\"label\",\"type\":\"text\"")
                .doesNotContain("shadowed");
    }
}
