package org.netverks.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netverks.IntegrationTest;
import org.netverks.platform.EmbeddedPostgresServer;
import org.netverks.platform.TestData;

/**
 * One embedded PostgreSQL 17 with the fixture's practice dataset, started once per JVM for the
 * tests of the lab's parts that need a real server but no app (psql meta-commands, plans), and for
 * regenerating the psql fixtures. It holds two copies of the dataset:
 * <ul>
 *   <li>{@value #DATABASE}, owned by the ordinary login role {@value #ROLE} as a learner's sandbox
 *       is, plus the psql test objects (psql/extras.sql): {@link #connect()};
 *   <li>{@value #PLAN_DATABASE}, plus the index the indexes lesson adds on bookings(customer_id),
 *       vacuumed and analyzed, for the plan tests: {@link #connectForPlans()}. Tests change data
 *       there only inside transactions they roll back.
 * </ul>
 * Autovacuum is off: it would change the sizes {@code \d+} shows and the statistics between the
 * two runs a plan comparison makes.
 */
public final class PracticeDatabase {

    public static final String DATABASE = "practice";
    public static final String ROLE = "learner";
    static final String PLAN_DATABASE = "plan_practice";

    private static final Path DATASET = Path.of(IntegrationTest.FIXTURE_CONTENT, "datasets", "practice");
    private static PracticeDatabase instance;

    private final EmbeddedPostgresServer server;
    private boolean planDatabaseLoaded;

    private PracticeDatabase(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public static synchronized PracticeDatabase get() throws IOException, SQLException {
        if (instance == null) {
            // in this run's test data when under JUnit (TestData cleans it up, even after a kill)
            Path dataDirectory = System.getProperty(TestData.PROPERTY) != null
                    ? TestData.dir("practice-database")
                    : Files.createTempDirectory("practice-database");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                    dataDirectory, Map.of("autovacuum", "off", "fsync", "off", "synchronous_commit", "off"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
            instance = new PracticeDatabase(server);
            instance.loadLearnerDatabase();
        }
        return instance;
    }

    public int port() {
        return server.port();
    }

    /** A connection as the learner's role, which owns the dataset and is not a superuser. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(DATABASE), ROLE, "");
    }

    /** A superuser connection to the copy with the bookings(customer_id) index, made on first use. */
    public synchronized Connection connectForPlans() throws IOException, SQLException {
        if (!planDatabaseLoaded) {
            loadPlanDatabase();
            planDatabaseLoaded = true;
        }
        return DriverManager.getConnection(server.jdbcUrl(PLAN_DATABASE), "postgres", "");
    }

    private void loadLearnerDatabase() throws IOException, SQLException {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            // no inherit, as a sandbox's role, and an expiry and a comment for \du to show
            statement.execute("create role " + ROLE + " login noinherit valid until 'infinity'");
            statement.execute("comment on role " + ROLE + " is 'The learner of the psql tests'");
            statement.execute("create database " + DATABASE + " owner " + ROLE);
            statement.execute("comment on database " + DATABASE + " is 'The practice dataset'");
        }
        try (Connection learner = connect();
                Statement statement = learner.createStatement()) {
            loadDataset(statement);
            statement.execute(resource("extras.sql"));
        }
    }

    private void loadPlanDatabase() throws IOException, SQLException {
        server.ensureDatabase(PLAN_DATABASE);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(PLAN_DATABASE), "postgres", "");
                Statement statement = connection.createStatement()) {
            loadDataset(statement);
            statement.execute("CREATE INDEX bookings_customer_id_idx ON bookings (customer_id)");
            // statistics as the lessons have them once the index exists
            statement.execute("VACUUM ANALYZE");
        }
    }

    private static void loadDataset(Statement statement) throws IOException, SQLException {
        for (String file : new String[] {"schema.sql", "data.sql", "finalise.sql"}) {
            statement.execute(Files.readString(DATASET.resolve(file)));
        }
    }

    private static void stop(EmbeddedPostgresServer server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("Could not stop the practice database: " + e); // the JVM is exiting
        }
    }

    /** Runs {@code sql} and returns its rows' first column joined with "\n", as psql shows them. */
    public static String queryText(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /** A test resource of the psql tests (src/test/resources/psql/). */
    public static String resource(String name) throws IOException {
        try (var in = PracticeDatabase.class.getResourceAsStream("/psql/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource psql/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
