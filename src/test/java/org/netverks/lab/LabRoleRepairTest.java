package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A role may change its own password and settings (ALTER ROLE), and PostgreSQL cannot forbid it:
 * the lab puts them back, so a learner cannot lock themself out, nor reach other learners' checks
 * through the role a shared read-only copy uses.
 */
@IntegrationTest
class LabRoleRepairTest {

    private static final String CONTACT_RIGHT =
            "select id, full_name || ' <' || email || '>' as contact from customers";

    @LocalServerPort
    int port;

    /** SET client_encoding makes the driver drop its connection: the next run logs in afresh. */
    private static void forceNewLogin(LabClient learner) {
        learner.run("set client_encoding = 'LATIN1'");
    }

    @Test
    void aPasswordChangedFromALabRunIsPutBackAtTheNextLogIn() throws SQLException {
        LabClient learner = new LabClient(port);
        JsonNode changed = learner.one("alter role current_user password 'Chosen0ne'");
        assertThat(changed.get("kind").asString())
                .as("PostgreSQL lets a role change its own password")
                .isEqualTo("command");
        forceNewLogin(learner);
        assertThat(learner.one("select 'back in'").get("rows").get(0).get(0).asString())
                .isEqualTo("back in");
        try (Connection own = LabClient.connect(learner.connection())) {
            assertThat(own.isValid(2))
                    .as("the password shown works for the learner's own client")
                    .isTrue();
        }
    }

    @Test
    void aPasswordChangedFromTheLearnersOwnClientIsPutBackWhenTheLabConnectsOrShowsIt() throws SQLException {
        LabClient learner = new LabClient(port);
        JsonNode details = learner.connection();
        try (Connection own = LabClient.connect(details)) {
            own.createStatement().execute("alter role current_user password 'Chosen0ne'");
        }
        assertThatThrownBy(() -> LabClient.connect(details).close())
                .isInstanceOf(SQLException.class)
                .extracting("SQLState")
                .isEqualTo("28P01");
        forceNewLogin(learner);
        assertThat(learner.one("select 1").get("kind").asString())
                .as("the lab heals the log-in")
                .isEqualTo("rows");
        try (Connection again = LabClient.connect(learner.connection())) {
            assertThat(again.isValid(2)).isTrue();
        }
        try (Connection own = LabClient.connect(details)) {
            own.createStatement().execute("alter role current_user password 'Chosen0ne'");
        }
        try (Connection shownAgain = LabClient.connect(learner.connection())) {
            assertThat(shownAgain.isValid(2))
                    .as("opening the connection panel puts the password back")
                    .isTrue();
        }
    }

    @Test
    void roleSettingsALearnerMadeAreRemovedBeforeTheLabUsesTheRole() {
        LabClient learner = new LabClient(port);
        learner.run(
                """
                alter role current_user set search_path = nowhere;
                alter role current_user set default_transaction_read_only = on;
                alter role current_user set statement_timeout = '1ms';""");
        forceNewLogin(learner);
        JsonNode results = learner.run(
                        """
                show search_path;
                create table mine (n int);
                select count(*) from accounts;""")
                .get("results");
        assertThat(results.get(0).get("rows").get(0).get(0).asString()).isEqualTo("\"$user\", public");
        assertThat(results.get(1).get("kind").asString()).isEqualTo("command");
        assertThat(results.get(2).get("rows").get(0).get(0).asString()).isEqualTo("40");
    }

    @Test
    void oneLearnersCheckCannotBreakTheSharedReadOnlyCopyForOthers() {
        Http attacker = new Http(port);
        for (String sabotage : new String[] {
            "alter role current_user set search_path = nowhere", "alter role current_user password 'Chosen0ne'"
        }) {
            check(attacker, "set default_transaction_read_only = off; " + sabotage + "; " + CONTACT_RIGHT);
            JsonNode verdict = JsonMapper.builder()
                    .build()
                    .readTree(check(new Http(port), CONTACT_RIGHT).body());
            assertThat(verdict.get("correct").asBoolean())
                    .as(sabotage + ": " + verdict)
                    .isTrue();
        }
    }

    private static HttpResponse<String> check(Http http, String sql) {
        HttpResponse<String> response = http.postJson(
                "/api/lab/fixture/first-select/exercises/contact-label/check",
                JsonMapper.builder().build().writeValueAsString(Map.of("sql", sql)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
