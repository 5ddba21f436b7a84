package org.netverks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The platform database for an admin command: the one the app uses. With
 * {@code SPRING_DATASOURCE_URL} (and {@code _USERNAME}, {@code _PASSWORD}) that server; otherwise
 * the embedded cluster under {@code NETVERKS_DATA_DIR/platform}, with the password the app keeps
 * beside it. While the app runs, its postmaster owns that folder: the command connects to it on
 * the port its pid file names and never stops or restarts it. When no postmaster runs there, the
 * cluster is started for the command alone and stopped when it is closed (both said on
 * {@code err}).
 *
 * <p>Commands do not migrate the schema: the app does at its start, and a command that changed the
 * schema behind a running older app (or ahead of a rolling upgrade) would break it.
 * {@link #requireTable} says to start the app once instead.
 */
public final class PlatformDatabase implements AutoCloseable {

    private static final String DATABASE = "netverks";

    /** One connection, kept open for the command's few statements (and its transactions). */
    private final SingleConnectionDataSource dataSource;

    private final EmbeddedPostgresServer startedHere;
    private final java.io.PrintStream notes;

    private PlatformDatabase(
            SingleConnectionDataSource dataSource, EmbeddedPostgresServer startedHere, java.io.PrintStream notes) {
        this.dataSource = dataSource;
        this.startedHere = startedHere;
        this.notes = notes;
    }

    static PlatformDatabase open(CommandContext context) {
        String url = context.setting("spring.datasource.url", "");
        if (!url.isBlank()) {
            return connect(
                    url,
                    context.setting("spring.datasource.username", ""),
                    context.setting("spring.datasource.password", ""),
                    "SPRING_DATASOURCE_URL",
                    null,
                    context);
        }
        Path dataDir = context.dataDir();
        Path clusterDir = dataDir.resolve("platform");
        Path passwordFile = dataDir.resolve("platform-admin-password");
        if (!Files.exists(clusterDir.resolve("PG_VERSION")) || !Files.exists(passwordFile)) {
            throw CommandException.failure("There is no platform database in " + dataDir
                    + " (NETVERKS_DATA_DIR): point NETVERKS_DATA_DIR at the app's data folder, set "
                    + "SPRING_DATASOURCE_URL, or start the app once first.");
        }
        try {
            String password = Files.readString(passwordFile).strip();
            OptionalInt running = EmbeddedPostgresServer.runningPort(clusterDir);
            if (running.isPresent()) {
                return connect(url(running.getAsInt()), "postgres", password, "NETVERKS_DATA_DIR", null, context);
            }
            context.err()
                    .println("The app is not running: starting its embedded platform database in " + clusterDir
                            + " for this command.");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(clusterDir, Map.of(), 0, password);
            try {
                return connect(url(server.port()), "postgres", password, "NETVERKS_DATA_DIR", server, context);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw CommandException.failure(
                    "Could not start the embedded platform database in " + clusterDir + " (NETVERKS_DATA_DIR): "
                            + e.getMessage(),
                    e);
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    private static PlatformDatabase connect(
            String url,
            String user,
            String password,
            String setting,
            EmbeddedPostgresServer startedHere,
            CommandContext context) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(2);
        } catch (SQLException e) {
            dataSource.destroy();
            throw CommandException.failure(
                    "Could not connect to the platform database " + url + " (" + setting + "): " + e.getMessage(), e);
        }
        return new PlatformDatabase(dataSource, startedHere, context.err());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Fails, saying to start the app once, when the app has not made {@code table} yet (it migrates at start). */
    public void requireTable(String table) {
        boolean exists = jdbc().sql("select to_regclass(:table) is not null")
                .param("table", table)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw CommandException.failure("The platform database has no table " + table + " yet: start this "
                    + "version of the app once (it updates the database at start), then run the command again.");
        }
    }

    @Override
    public void close() {
        dataSource.destroy();
        if (startedHere != null) {
            try {
                startedHere.close();
                notes.println("Stopped the embedded platform database again.");
            } catch (IOException e) {
                notes.println(
                        "Could not stop the embedded platform database started for this command: " + e.getMessage());
            }
        }
    }
}
