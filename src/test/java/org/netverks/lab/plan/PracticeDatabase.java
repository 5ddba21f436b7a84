package org.netverks.lab.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * One PostgreSQL 17 with the practice dataset, shared by the plan tests of this JVM, plus the
 * index the indexes lesson adds on bookings(customer_id). Tests change data only inside
 * transactions they roll back.
 */
final class PracticeDatabase {

    private static final Path DATASET = Path.of("content/datasets/practice");
    private static EmbeddedPostgresServer server;

    private PracticeDatabase() {}

    static synchronized Connection connect() throws Exception {
        if (server == null) {
            server = start();
        }
        return DriverManager.getConnection(server.jdbcUrl("practice"), "postgres", "");
    }

    private static EmbeddedPostgresServer start() throws Exception {
        // a fresh cluster each run, under target/ so that "mvn clean" takes any leftover too
        Files.createDirectories(Path.of("target"));
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "plan-tests-");
        // autovacuum off: statistics must not change between the two runs a comparison makes
        EmbeddedPostgresServer started = EmbeddedPostgresServer.start(
                dataDirectory, Map.of("autovacuum", "off", "fsync", "off", "synchronous_commit", "off"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, dataDirectory)));
        started.ensureDatabase("practice");
        try (Connection connection = DriverManager.getConnection(started.jdbcUrl("practice"), "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String file : new String[] {"schema.sql", "data.sql", "finalise.sql"}) {
                statement.execute(Files.readString(DATASET.resolve(file)));
            }
            statement.execute("CREATE INDEX bookings_customer_id_idx ON bookings (customer_id)");
            // statistics as the lessons have them once the index exists
            statement.execute("VACUUM ANALYZE");
        }
        return started;
    }

    /**
     * Best effort, as the JVM is exiting. The postmaster writes its last WAL and statistics after
     * close() returns and removes postmaster.pid when it is done, so that is waited for first.
     */
    private static void stop(EmbeddedPostgresServer started, Path dataDirectory) {
        try {
            started.close();
            for (int wait = 0; wait < 100 && Files.exists(dataDirectory.resolve("postmaster.pid")); wait++) {
                Thread.sleep(100);
            }
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove " + dataDirectory + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code sql} and returns its rows' first column joined with "\n", as psql shows them. */
    static String queryText(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
