package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A statement that needs more memory than a sandbox backend may have fails with "out of memory"
 * naming the memory limit (256 MB by default), while the same learner's next statement, other
 * learners and the server itself carry on.
 */
@IntegrationTest
class LabMemoryLimitTest {

    @LocalServerPort
    int port;

    @Test
    void aStatementThatOutgrowsTheMemoryLimitFailsAloneAndSaysWhichLimit() throws SQLException {
        LabClient other = new LabClient(port);
        try (Connection bystander = connect(other.connection())) {
            long bystanderPid = backendPid(bystander);

            LabClient learner = new LabClient(port);
            JsonNode results = learner.run("""
                    select length(string_agg(repeat('x', 1000), ',')) from generate_series(1, 1000000);
                    set work_mem = '2GB';
                    select count(*) from (select g, repeat('y', 200) from generate_series(1, 2000000) g order by 2, 1) s;
                    select 'still here';""").get("results");
            for (int i : new int[] {0, 2}) {
                JsonNode error = results.get(i);
                assertThat(error.get("kind").asString()).as("statement %d", i).isEqualTo("error");
                assertThat(error.get("sqlstate").asString()).isEqualTo("53200");
                assertThat(error.get("limit").asString()).isEqualTo("memory");
                assertThat(error.get("message").asString())
                        .isEqualTo("Your statement ran out of memory: each sandbox session may use at most 256 MB "
                                + "(memory limit).");
            }
            assertThat(results.get(3).get("rows").get(0).get(0).asString()).isEqualTo("still here");
            assertThat(learner.one("select 1").get("kind").asString()).isEqualTo("rows");

            // the postmaster did not restart: a connection opened before is still the same backend
            assertThat(backendPid(bystander)).isEqualTo(bystanderPid);
            assertThat(other.one("select count(*) from accounts").get("rows").get(0).get(0).asString()).isEqualTo("40");
        }
    }

    @Test
    void ordinaryWorkFitsWithinTheLimit() {
        JsonNode results = new LabClient(port).run("""
                create table numbers as select g, md5(g::text) as m from generate_series(1, 200000) g;
                create index on numbers (m);
                select count(distinct m) from numbers;""").get("results");
        for (JsonNode result : results) {
            assertThat(result.get("kind").asString()).as(result.toString()).isNotEqualTo("error");
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Connection connect(JsonNode details) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", details.get("user").asString());
        properties.setProperty("password", details.get("password").asString());
        return DriverManager.getConnection("jdbc:postgresql://" + details.get("host").asString() + ":"
                + details.get("port").asInt() + "/" + details.get("database").asString(), properties);
    }
}
