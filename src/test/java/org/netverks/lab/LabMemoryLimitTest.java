package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        try (Connection bystander = LabClient.connect(other.connection())) {
            long bystanderPid = backendPid(bystander);

            LabClient learner = new LabClient(port);
            // one large allocation each, which fails at once: a string_agg or a sort that grows to the limit
            // takes seconds on a busy machine, past the tests' 2 s statement time limit (the next test does those)
            JsonNode results = learner.run(
                            """
                    select length(repeat('x', 300000000));
                    set work_mem = '2GB';
                    select cardinality(array_fill(0::bigint, array[50000000]));
                    select 'still here';""")
                    .get("results");
            for (int i : new int[] {0, 2}) {
                JsonNode error = results.get(i);
                assertThat(error.get("kind").asString()).as("statement %d", i).isEqualTo("error");
                assertThat(error.get("sqlstate").asString())
                        .as(error.toString())
                        .isEqualTo("53200");
                assertThat(error.get("limit").asString()).isEqualTo("memory");
                assertThat(error.get("message").asString())
                        .isEqualTo("Your statement ran out of memory: each sandbox session may use at most 256 MB "
                                + "(memory limit).");
            }
            assertThat(results.get(3).get("rows").get(0).get(0).asString()).isEqualTo("still here");
            assertThat(learner.one("select 1").get("kind").asString()).isEqualTo("rows");

            // the postmaster did not restart: a connection opened before is still the same backend
            assertThat(backendPid(bystander)).isEqualTo(bystanderPid);
            assertThat(other.one("select count(*) from accounts")
                            .get("rows")
                            .get(0)
                            .get(0)
                            .asString())
                    .isEqualTo("40");
        }
    }

    @Test
    void ordinaryWorkFitsWithinTheLimit() {
        JsonNode results = new LabClient(port)
                .run(
                        """
                create table numbers as select g, md5(g::text) as m from generate_series(1, 50000) g;
                create index on numbers (m);
                select count(distinct m) from numbers;""")
                .get("results");
        for (JsonNode result : results) {
            assertThat(result.get("kind").asString()).as(result.toString()).isNotEqualTo("error");
        }
    }

    @Test
    void theLearnersOwnBackendRunsUnderTheLimitAndItsMemoryStaysBelowIt() throws Exception {
        try (Connection own = LabClient.connect(new LabClient(port).connection())) {
            long pid = backendPid(own);
            own.createStatement().execute("set statement_timeout = 0"); // only memory may stop these
            java.nio.file.Path proc = java.nio.file.Path.of("/proc", Long.toString(pid));
            assertThat(java.nio.file.Files.readAllLines(proc.resolve("limits")))
                    .anySatisfy(
                            line -> assertThat(line).startsWith("Max data size").contains("268435456"));
            for (String sql : new String[] {
                "select length(string_agg(repeat('x', 100000), ',')) from generate_series(1, 10000)",
                "select count(*) from (select g, repeat('y', 1500) from generate_series(1, 300000) g order by 2, 1) s"
            }) {
                long start = System.nanoTime();
                own.createStatement().execute("set work_mem = '2GB'");
                SQLException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                        SQLException.class, () -> own.createStatement().execute(sql));
                long millis = (System.nanoTime() - start) / 1_000_000;
                long peakKb = java.nio.file.Files.readAllLines(proc.resolve("status")).stream()
                        .filter(line -> line.startsWith("VmHWM:"))
                        .map(line -> line.replaceAll("\\D", ""))
                        .mapToLong(Long::parseLong)
                        .findFirst()
                        .orElseThrow();
                System.out.printf(
                        "memory limit 256 MB: %s -> %s after %d ms; backend peak RSS (VmHWM) %d MB%n",
                        sql, error == null ? "no error" : error.getSQLState(), millis, peakKb / 1024);
                assertThat((Object) error).as(sql).isNotNull();
                assertThat(error.getSQLState()).isEqualTo("53200");
                // RSS also counts the shared buffers this backend touched (64 MB at most)
                assertThat(peakKb / 1024).isLessThan(256 + 64 + 32);
                assertThat(own.isValid(2)).isTrue();
            }
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
