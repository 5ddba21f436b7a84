package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.lab.run.ConcurrentSession;
import org.netverks.lab.run.RunLimits;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.SandboxActivity;
import org.netverks.lab.sandbox.SandboxServers;
import org.netverks.lab.shared.DisplaySettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The time bounds of a session of the two-session lab, with short limits on a learner's real
 * sandbox: a statement that waits for a lock is stopped at the lock wait limit, one that works at
 * the statement time limit (time spent waiting does not count), each named in plain words.
 */
@IntegrationTest
class ConcurrentSessionLimitsTest {

    private static final Duration WORK_LIMIT = Duration.ofMillis(700);
    private static final Duration LOCK_WAIT_LIMIT = Duration.ofMillis(1500);

    @LocalServerPort
    int port;

    @Autowired
    ScriptRunner runner;

    @Autowired
    SandboxActivity activity;

    @Autowired
    SandboxServers servers;

    @Autowired
    LabProperties properties;

    private ConcurrentSession session(JsonNode details, String name) throws SQLException {
        SandboxConnection connection = SandboxConnection.open(
                details.get("host").asString(),
                details.get("port").asInt(),
                details.get("database").asString(),
                details.get("user").asString(),
                details.get("password").asString(),
                properties.maxResultSize().toBytes(),
                () -> {});
        var server = servers.all().get(0);
        return new ConcurrentSession(
                name,
                connection,
                runner,
                pid -> activity.blockers(server, pid),
                pid -> "other",
                WORK_LIMIT,
                DisplaySettings.DEFAULT);
    }

    private RunLimits limits() {
        RunLimits run = properties.runLimits();
        return new RunLimits(
                LOCK_WAIT_LIMIT,
                LOCK_WAIT_LIMIT.multipliedBy(2),
                run.maxRowsShown(),
                run.maxResultBytes(),
                run.maxNotices(),
                run.sandboxQuotaBytes(),
                run.memoryPerSessionBytes());
    }

    private static StatementResult.Error lastError(ConcurrentSession session) {
        session.awaitDone(Duration.ofSeconds(10));
        List<StatementResult> results = session.drain().results();
        return (StatementResult.Error) results.get(results.size() - 1);
    }

    @Test
    void aWaitIsStoppedAtTheLockWaitLimitAndWorkAtTheStatementTimeLimit() throws SQLException {
        JsonNode details = new LabClient(port).connection();
        try (ConcurrentSession a = session(details, "a");
                ConcurrentSession b = session(details, "b")) {
            a.start(
                    "begin; update accounts set balance = balance + 1 where id = 11;",
                    DisplaySettings.DEFAULT,
                    limits());
            a.awaitDone(Duration.ofSeconds(5));

            // waiting 1.5 s is allowed, more than the 0.7 s a working statement gets
            long start = System.nanoTime();
            b.start("update accounts set balance = balance + 1 where id = 11;", DisplaySettings.DEFAULT, limits());
            StatementResult.Error waited = lastError(b);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LOCK_WAIT_LIMIT);
            assertThat(waited.limit()).isEqualTo("lock wait limit");
            assertThat(waited.message())
                    .isEqualTo("Stopped: the statement waited for a lock for as long as the lab lets a statement "
                            + "wait (lock wait limit).");

            b.start("select pg_sleep(5);", DisplaySettings.DEFAULT, limits());
            StatementResult.Error worked = lastError(b);
            assertThat(worked.limit()).isEqualTo("statement time limit");
            assertThat(worked.message()).startsWith("Stopped after 0.7 s: a statement may run for at most 0.7 s");
            assertThat(a.state().state()).isEqualTo("in transaction"); // A is untouched by B's limits
        }
    }
}
