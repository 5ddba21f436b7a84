package org.netverks.lab.psql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL 17 for the psql tests (and for regenerating their fixtures), started
 * once per JVM: the practice dataset plus test objects, all owned by an ordinary login role, as a
 * learner's sandbox is.
 */
final class PracticeDatabase {

    static final String DATABASE = "practice";
    static final String ROLE = "learner";

    private static PracticeDatabase instance;

    private final EmbeddedPostgresServer server;

    private PracticeDatabase(EmbeddedPostgresServer server) {
        this.server = server;
    }

    static synchronized PracticeDatabase get() throws IOException, SQLException {
        if (instance == null) {
            Path dataDirectory = Files.createTempDirectory("psql-tests");
            // no autovacuum: it would add free-space maps now and then and change the sizes \d+ shows
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, Map.of("autovacuum", "off"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, dataDirectory)));
            instance = new PracticeDatabase(server);
            instance.load();
        }
        return instance;
    }

    int port() {
        return server.port();
    }

    /** A connection as the learner's role, which owns the dataset and is not a superuser. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(DATABASE), ROLE, "");
    }

    private void load() throws IOException, SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("create role " + ROLE + " login");
            statement.execute("create database " + DATABASE + " owner " + ROLE);
        }
        Path dataset = Path.of("content/datasets/practice");
        try (Connection learner = connect();
                Statement statement = learner.createStatement()) {
            for (String file : new String[] {"schema.sql", "data.sql", "finalise.sql"}) {
                statement.execute(Files.readString(dataset.resolve(file)));
            }
            statement.execute(resource("extras.sql"));
        }
    }

    static String resource(String name) throws IOException {
        try (var in = PracticeDatabase.class.getResourceAsStream("/psql/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource psql/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void stop(EmbeddedPostgresServer server, Path dataDirectory) {
        try {
            server.close();
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
