package org.netverks.lab.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.content.Catalog;
import org.netverks.content.Dataset;
import org.netverks.content.ValidateContentCommand;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * Benchmark, not a test: what making a replaced sandbox unusable costs a reset that does it before
 * answering (SandboxService.reset). Each sandbox has a learner connection open, as a sandbox in use
 * does. Times (1) the lab's drop, {@code DROP DATABASE … WITH (FORCE)} and {@code DROP ROLE}, and
 * (2) the alternative of closing it, {@code ALTER ROLE … NOLOGIN} and terminating its backends.
 * See bench/RESULTS.md, "Servers: a synchronous drop".
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.netverks.lab.sandbox.ResetDropBenchmark -Dexec.args="content practice 20"
 * </pre>
 */
public final class ResetDropBenchmark {

    private ResetDropBenchmark() {}

    public static void main(String[] args) throws Exception {
        String folder = args.length > 0 ? args[0] : "content";
        String name = args.length > 1 ? args[1] : "practice";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Catalog catalog = ValidateContentCommand.load(folder);
        if (catalog == null) {
            System.exit(1);
        }
        Dataset dataset = catalog.dataset(name).orElseThrow(() -> new IllegalArgumentException("no dataset " + name));
        Path directory = Files.createTempDirectory("netverks-drop-bench");
        String password = UUID.randomUUID().toString().replace("-", "");
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(directory.resolve("pg"), Map.of("max_connections", "100"), 0, password)) {
            SandboxServer server = new SandboxServer("bench", "localhost", postgres.port(), "postgres", password);
            SandboxProvisioner provisioner = new SandboxProvisioner(new DatasetTemplates());
            for (int round = 0; round < 2; round++) {
                double[] drop = new double[count];
                double[] close = new double[count];
                for (int i = 0; i < count; i++) {
                    drop[i] = timed(
                            server,
                            provisioner,
                            dataset,
                            sandbox -> provisioner.drop(server, sandbox.database(), sandbox.role()));
                    close[i] = timed(server, provisioner, dataset, sandbox -> {
                        try (Connection admin = AdminConnections.open(server, "postgres")) {
                            DatasetTemplates.execute(admin, "alter role " + sandbox.role() + " nologin");
                            try (PreparedStatement terminate = admin.prepareStatement(
                                    "select pg_terminate_backend(pid) from pg_stat_activity where usename = ?")) {
                                terminate.setString(1, sandbox.role());
                                terminate.executeQuery().close();
                            }
                        }
                    });
                }
                report("round " + (round + 1) + ": drop database with (force) + drop role", drop);
                report("round " + (round + 1) + ": alter role nologin + pg_terminate_backend", close);
            }
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private interface Unusable {
        void make(Sandbox sandbox) throws Exception;
    }

    /** Makes a sandbox, connects to it as its learner, and times making it unusable (then drops it). */
    private static double timed(SandboxServer server, SandboxProvisioner provisioner, Dataset dataset, Unusable how)
            throws Exception {
        Sandbox sandbox = provisioner.create(server, dataset, Duration.ofSeconds(5));
        List<Connection> learner = new ArrayList<>();
        learner.add(
                DriverManager.getConnection(server.jdbcUrl(sandbox.database()), sandbox.role(), sandbox.password()));
        learner.get(0).createStatement().execute("select 1");
        long begin = System.nanoTime();
        how.make(sandbox);
        double millis = (System.nanoTime() - begin) / 1e6;
        for (Connection connection : learner) {
            try {
                connection.close();
            } catch (Exception e) {
                // ended by the server
            }
        }
        provisioner.drop(server, sandbox.database(), sandbox.role());
        return millis;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: n=%d p50=%.1f ms p90=%.1f ms max=%.1f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
                sorted[sorted.length - 1]);
    }
}
