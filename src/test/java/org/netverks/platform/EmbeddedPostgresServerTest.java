package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps data durably and survives a JVM that was killed without stopping it. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void dataIsDurableAndASecondStartReusesIt() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, Map.of())) {
            server.ensureDatabase("keep");
            try (Connection connection = connect(server, "keep")) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "listen_addresses")).isEqualTo("localhost");
                connection.createStatement().execute("create table kept (note text)");
                connection.createStatement().execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, Map.of());
                Connection connection = connect(again, "keep")) {
            ResultSet rows = connection.createStatement().executeQuery("select note from kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmDoesNotStopTheNextStart() throws Exception {
        Process other = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartAndWait.class.getName(),
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("READY")) {
                // the child logs PostgreSQL's start-up; wait for its signal
            }
            assertThat(line).as("the child JVM started PostgreSQL").isEqualTo("READY");
            other.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster stays up
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long stalePid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, Map.of());
                Connection connection = connect(server, "postgres")) {
            assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            ResultSet rows = connection.createStatement().executeQuery("select note from left_behind");
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void aClusterMadeBeforePasswordsWereRequiredAsksForOneFromItsNextStart() throws Exception {
        try (EmbeddedPostgresServer older = EmbeddedPostgresServer.start(dataDir, Map.of());
                Connection connection = connect(older, "postgres")) {
            connection.createStatement().execute("create table from_before (note text)");
        }
        String password = ClusterPassword.readOrCreate(dataDir.resolveSibling(dataDir.getFileName() + "-password"));
        for (int start = 0; start < 2; start++) { // the upgrade, then an ordinary start of an upgraded cluster
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, Map.of(), 0, password)) {
                assertThatThrownBy(() -> connect(server, "postgres"))
                        .as("no password")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "guess"))
                        .as("a wrong password")
                        .isInstanceOf(SQLException.class);
                try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password)) {
                    assertThat(connection.createStatement().executeQuery("select * from from_before"))
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void theGeneratedPasswordIsKeptReadableByItsOwnerOnly() throws Exception {
        Path file = dataDir.resolve("admin-password");
        String password = ClusterPassword.readOrCreate(file);
        assertThat(password).matches("[A-Za-z0-9]{24}");
        assertThat(ClusterPassword.readOrCreate(file))
                .as("read back, not made anew")
                .isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    private static Connection connect(EmbeddedPostgresServer server, String database) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(database), "postgres", "");
    }

    private static String setting(Connection connection, String name) throws Exception {
        ResultSet result = connection.createStatement().executeQuery("select current_setting('" + name + "')");
        result.next();
        return result.getString(1);
    }

    /** Run in a child JVM: starts a server, writes a row, signals READY and waits to be killed. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Map.of());
            try (Connection connection = connect(server, "postgres")) {
                connection.createStatement().execute("create table left_behind (note text)");
                connection.createStatement().execute("insert into left_behind values ('from the killed JVM')");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
