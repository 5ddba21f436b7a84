package org.netverks.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the zonky binaries inside this JVM's lifetime, with its data
 * kept in a directory of ours so that a restart finds the same data.
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(2);
    private static final String PASSWORD_MARKER = "netverks-passwords-required";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final ProcessHandle postmaster;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) throws IOException {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.postmaster = postmasterOf(dataDirectory)
                .orElseThrow(() -> new IOException(
                        "PostgreSQL started on " + dataDirectory + " but its postmaster.pid names no running process"));
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use.
     *
     * @param serverSettings postgresql.conf settings passed on the command line
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Map<String, String> serverSettings)
            throws IOException {
        return start(dataDirectory, serverSettings, 0, null);
    }

    /**
     * As {@link #start(Path, Map)}, on a fixed {@code port} (0: any free port). With a
     * {@code superuserPassword}, every connection must authenticate with a password (SCRAM),
     * which a server that learners connect to needs: zonky's initdb trusts every local user.
     */
    public static EmbeddedPostgresServer start(
            Path dataDirectory, Map<String, String> serverSettings, int port, String superuserPassword)
            throws IOException {
        return start(dataDirectory, serverSettings, port, superuserPassword, List.of());
    }

    /**
     * As {@link #start(Path, Map, int, String)}, and with a password, {@code remoteHbaLines} follow
     * the local password lines in pg_hba.conf: who may connect from other machines, for settings
     * that listen beyond localhost.
     */
    public static EmbeddedPostgresServer start(
            Path dataDirectory,
            Map<String, String> serverSettings,
            int port,
            String superuserPassword,
            List<String> remoteHbaLines)
            throws IOException {
        Files.createDirectories(dataDirectory);
        stopStaleServer(dataDirectory);
        Path passwordMarker = dataDirectory.resolve(PASSWORD_MARKER);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setPgBinaryResolver(BundledPostgresBinaries.INSTANCE)
                .setCleanDataDirectory(false)
                // we stop it ourselves, after whatever still uses it; zonky's own JVM shutdown hook
                // would stop it in parallel with Spring's, under the feet of beans still closing
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C.UTF-8")
                // zonky starts with -F (fsync off) and synchronous_commit off: right for tests, wrong for
                // a learner's progress, so the defaults are switched back to durable ones.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost");
        serverSettings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        if (superuserPassword != null) {
            builder.setConnectConfig("password", superuserPassword);
            builder.setDataDirectoryCustomizer(dir -> {
                if (Files.exists(passwordMarker)) {
                    writePasswordOnlyHba(dir.toPath(), remoteHbaLines);
                }
            });
        }
        EmbeddedPostgres started = builder.start();
        EmbeddedPostgresServer server;
        try {
            server = new EmbeddedPostgresServer(started, dataDirectory);
        } catch (IOException e) {
            started.close();
            throw e;
        }
        if (superuserPassword != null && !Files.exists(passwordMarker)) {
            server.requirePasswords(superuserPassword, dataDirectory, passwordMarker, remoteHbaLines);
        }
        return server;
    }

    private void requirePasswords(String password, Path dataDirectory, Path marker, List<String> remoteHbaLines)
            throws IOException {
        if (!password.matches("[A-Za-z0-9]{16,}")) {
            throw new IllegalArgumentException("the superuser password must be 16+ letters and digits");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("alter role postgres password '" + password + "'");
            writePasswordOnlyHba(dataDirectory, remoteHbaLines);
            connection.createStatement().execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the superuser password", e);
        }
        Files.writeString(marker, "pg_hba.conf requires passwords since this file was written\n");
    }

    private static void writePasswordOnlyHba(Path dataDirectory, List<String> remoteHbaLines) {
        try {
            Files.writeString(
                    dataDirectory.resolve("pg_hba.conf"),
                    """
                    # Written by Learn Netverks: every connection authenticates with a password.
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """
                            + remoteHbaLines.stream().map(line -> line + "\n").collect(Collectors.joining()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates {@code database} if it does not exist yet; the name is ours, never a user's. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + database);
            }
        }
    }

    /** The server's main process, the one whose death stops the whole cluster. */
    public long postmasterPid() {
        return postmaster.pid();
    }

    /** Whether the postmaster still runs; one that was killed counts as gone at once, before it is reaped. */
    public boolean running() {
        return postmaster.isAlive() && postmaster.info().command().isPresent();
    }

    @Override
    public void close() throws IOException {
        if (!running()) {
            awaitLeftoverBackends();
            removeStaleLockFiles();
            log.info(
                    "Releasing the stopped PostgreSQL server on {} (zonky reports that it could not stop it: "
                            + "it was already gone)",
                    dataDirectory);
        }
        postgres.close();
    }

    /**
     * Backends outlive a killed postmaster until they next wait for their client (one busy with a
     * long statement, much longer), and a new postmaster refuses to start on the data directory
     * while any of them still has the old shared memory attached. PostgreSQL itself ends every
     * backend when one crashes; here, after a grace of {@link #LEFTOVER_GRACE}, the ones still
     * attached are killed, as it would. On Linux the segment that line 7 of the pid file names
     * shows its number of attached processes in /proc/sysvipc/shm, and each process that maps it
     * shows it in /proc/PID/maps; elsewhere this does nothing.
     */
    private void awaitLeftoverBackends() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Path segments = Path.of("/proc/sysvipc/shm");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        String[] keyAndId =
                lines.size() < 7 ? new String[0] : lines.get(6).trim().split("\\s+");
        Optional<Long> key = keyAndId.length == 2 ? parseNumber(keyAndId[0]) : Optional.empty();
        if (key.isEmpty() || !Files.isReadable(segments)) {
            return;
        }
        String shmid = keyAndId[1];
        if (!awaitDetached(segments, shmid, LEFTOVER_GRACE)) {
            String mapping = String.format("/SYSV%08x", key.get());
            List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                    .filter(EmbeddedPostgresServer::looksLikePostgres)
                    .filter(process -> maps(process, mapping))
                    .toList();
            log.warn(
                    "Killing {} PostgreSQL backend(s) still running for the stopped server on {}, so that it can "
                            + "start again",
                    leftovers.size(),
                    dataDirectory);
            leftovers.forEach(ProcessHandle::destroyForcibly);
            awaitDetached(segments, shmid, LEFTOVER_GRACE);
        }
    }

    /**
     * A killed postmaster stays a zombie until its new parent (init, or whatever runs as pid 1)
     * reaps it, and PostgreSQL takes a lock file whose pid still exists for a running server: both
     * its pid file and the lock of its Unix socket would stop the restart. They are ours to remove
     * (pg_ctl stop must not signal whatever process has that pid by now, either).
     */
    private void removeStaleLockFiles() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() >= 5 && !lines.get(4).isBlank()) {
            Path socketLock =
                    Path.of(lines.get(4).trim(), ".s.PGSQL." + lines.get(3).trim() + ".lock");
            List<String> lock = Files.exists(socketLock) ? Files.readAllLines(socketLock) : List.of();
            if (!lock.isEmpty() && lock.get(0).trim().equals(Long.toString(postmaster.pid()))) {
                Files.deleteIfExists(socketLock);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** Waits at most {@code wait} until no process has the segment attached; returns whether none has. */
    private static boolean awaitDetached(Path segments, String shmid, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (attachedProcesses(segments, shmid) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean maps(ProcessHandle process, String mapping) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps"))
                    .contains(mapping);
        } catch (IOException e) {
            return false; // gone meanwhile, or not ours to read
        }
    }

    private static long attachedProcesses(Path segments, String shmid) throws IOException {
        for (String line : Files.readAllLines(segments)) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length > 6 && columns[1].equals(shmid)) {
                return parseNumber(columns[6]).orElse(0L);
            }
        }
        return 0; // the segment is gone
    }

    /**
     * A JVM that was killed leaves its postmaster running on our data directory, which would make
     * this start fail. The pid file names it; we ask it for a fast shutdown and wait.
     */
    static void stopStaleServer(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> stale = postmasterOf(dataDirectory);
        if (stale.isEmpty()) {
            return; // PostgreSQL itself clears a pid file whose process is gone
        }
        ProcessHandle process = stale.get();
        log.warn(
                "Stopping a PostgreSQL server (pid {}) left running on {} by an earlier run",
                process.pid(),
                dataDirectory);
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back, disconnect, stop cleanly.
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            process.onExit().get(STALE_SHUTDOWN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping a stale PostgreSQL server", e);
        } catch (Exception e) {
            throw new IOException(
                    "A PostgreSQL server (pid " + process.pid() + ") is still running on " + dataDirectory
                            + " and did not stop within " + STALE_SHUTDOWN_WAIT.toSeconds() + " s",
                    e);
        }
    }

    /**
     * The port of a PostgreSQL server running on {@code dataDirectory} (line 4 of its pid file),
     * if one runs: an admin command connects to the app's own server rather than start one there.
     */
    public static java.util.OptionalInt runningPort(Path dataDirectory) throws IOException {
        if (postmasterOf(dataDirectory).isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        return lines.size() < 4
                ? java.util.OptionalInt.empty()
                : parseNumber(lines.get(3))
                        .map(port -> java.util.OptionalInt.of(port.intValue()))
                        .orElse(java.util.OptionalInt.empty());
    }

    /** The live PostgreSQL process that the data directory's pid file names, if any. */
    private static Optional<ProcessHandle> postmasterOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : parseNumber(lines.get(0))
                        .flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(EmbeddedPostgresServer::looksLikePostgres);
    }

    private static Optional<Long> parseNumber(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.contains("postgres"))
                .orElse(false);
    }
}
