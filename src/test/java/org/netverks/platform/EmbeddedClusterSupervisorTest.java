package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster whose postmaster is killed is started again, on its port, with its data and its after-start steps. */
class EmbeddedClusterSupervisorTest {

    private static final String PASSWORD = "Supervised0Cluster0Password";

    @TempDir
    Path dataDir;

    @Test
    void aKilledClusterIsStartedAgainOnItsPortWithItsDataAndItsSteps() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        try (EmbeddedClusterSupervisor supervisor = EmbeddedClusterSupervisor.start(
                "test",
                0,
                port -> EmbeddedPostgresServer.start(dataDir, Map.of(), port, PASSWORD),
                List.of(server -> server.ensureDatabase("kept"), server -> starts.incrementAndGet()))) {
            int port = supervisor.port();
            try (Connection connection = connect(port)) {
                connection.createStatement().execute("create table note (text text)");
                connection.createStatement().execute("insert into note values ('written before the kill')");
            }
            assertThat(starts).hasValue(1);

            long pid = postmasterPid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL, as an OOM killer would
            long killedAt = System.nanoTime();
            awaitRunning(supervisor, false, Duration.ofSeconds(5));
            assertThatThrownBy(() -> connect(port)).isInstanceOf(SQLException.class);

            awaitRunning(supervisor, true, Duration.ofSeconds(20));
            System.out.printf(
                    "RECOVERY supervisor: killed postmaster %d, running again after %d ms%n",
                    pid, (System.nanoTime() - killedAt) / 1_000_000);
            assertThat(postmasterPid()).isNotEqualTo(pid);
            assertThat(supervisor.port()).isEqualTo(port);
            assertThat(starts).as("the after-start steps ran again").hasValue(2);
            try (Connection connection = connect(port);
                    ResultSet rows = connection.createStatement().executeQuery("select text from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the kill");
            }
        }
        assertThat(dataDir.resolve("postmaster.pid"))
                .as("closing the supervisor stops the cluster")
                .doesNotExist();
    }

    @Test
    void attemptsAreSpacedFromOneSecondDoublingToThirtyAtMost() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 50).stream()
                        .map(EmbeddedClusterSupervisor::delayAfter)
                        .map(Duration::toSeconds)
                        .toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    private Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/kept?connectTimeout=2", "postgres", PASSWORD);
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    private static void awaitRunning(EmbeddedClusterSupervisor supervisor, boolean running, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (supervisor.running() != running && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(supervisor.running()).as("running").isEqualTo(running);
    }
}
