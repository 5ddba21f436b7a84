import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netverks.content.Dataset;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * How long a dataset's data.sql takes to load: the whole file as one execute (how the lab loaded
 * scripts before COPY support) against the lab's DatasetScriptRunner (cut into statements and
 * COPY blocks, statements between COPY blocks sent together), on 4,000 one-row INSERTs, and
 * the same rows as a COPY block. Prints the median of ROUNDS rounds of each. Run:
 *
 *   ./mvnw -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:$(cat target/cp.txt) bench/DatasetLoad.java 7
 */
public class DatasetLoad {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String schema = "create table members (memid integer primary key, surname text, joindate date);\n";
        StringBuilder inserts = new StringBuilder();
        StringBuilder copy = new StringBuilder("COPY members (memid, surname, joindate) FROM stdin;\n");
        for (int id = 1; id <= 4000; id++) {
            inserts.append("insert into members values (")
                    .append(id)
                    .append(", 'Surname; ")
                    .append(id)
                    .append("', '2024-01-01');\n");
            copy.append(id).append("\tSurname; ").append(id).append("\t2024-01-01\n");
        }
        copy.append("\\.\n");

        Method run = Class.forName("org.netverks.lab.sandbox.DatasetScriptRunner")
                .getDeclaredMethod("run", Connection.class, Dataset.class);
        run.setAccessible(true);
        Path directory = Files.createTempDirectory("netverks-bench");
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(directory.resolve("pg"), Map.of("fsync", "off"))) {
            List<Long> whole = new ArrayList<>();
            List<Long> runner = new ArrayList<>();
            List<Long> runnerCopy = new ArrayList<>();
            for (int round = 0; round < rounds + 1; round++) {
                long a = time(postgres, "whole" + round, connection -> {
                    execute(connection, schema);
                    execute(connection, inserts.toString());
                });
                long b = time(postgres, "runner" + round, connection -> run.invoke(
                        null, connection, Dataset.of("bench", schema, inserts.toString(), "")));
                long c = time(postgres, "copy" + round, connection -> run.invoke(
                        null, connection, Dataset.of("bench", schema, copy.toString(), "")));
                if (round > 0) { // the first round warms the JVM and the server
                    whole.add(a);
                    runner.add(b);
                    runnerCopy.add(c);
                }
            }
            System.out.printf(
                    "4,000 one-row INSERTs, whole file in one execute: median %d ms %s%n", median(whole), whole);
            System.out.printf(
                    "4,000 one-row INSERTs, DatasetScriptRunner:        median %d ms %s%n", median(runner), runner);
            System.out.printf(
                    "4,000 rows as a COPY block, DatasetScriptRunner:   median %d ms %s%n",
                    median(runnerCopy), runnerCopy);
        }
    }

    interface Load {
        void into(Connection connection) throws Exception;
    }

    /** Milliseconds to load into a new database; the database is dropped afterwards. */
    static long time(EmbeddedPostgresServer postgres, String database, Load load) throws Exception {
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "")) {
            execute(admin, "create database bench_" + database);
        }
        long start = System.nanoTime();
        try (Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl("bench_" + database), "postgres", "")) {
            load.into(connection);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "")) {
            execute(admin, "drop database bench_" + database);
        }
        return millis;
    }

    static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
