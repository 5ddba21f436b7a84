package org.netverks.lab.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Benchmark, not a test: what a new sandbox of a dataset costs. Starts a throwaway embedded
 * PostgreSQL with the sandbox cluster's durable defaults (fsync, full_page_writes on), loads the
 * dataset's template with the lab's own {@link DatasetTemplates}, then times CREATE DATABASE …
 * TEMPLATE with each strategy (PostgreSQL 15+ defaults to WAL_LOG, which copies block by block
 * through the WAL; FILE_COPY copies the files and forces two checkpoints) and the lab's whole
 * {@link SandboxProvisioner#create} (role, clone, grants, REASSIGN OWNED). See bench/RESULTS.md.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.netverks.lab.sandbox.CloneBenchmark -Dexec.args="content events 20"
 * </pre>
 */
public final class CloneBenchmark {

    private CloneBenchmark() {}

    public static void main(String[] args) throws Exception {
        String folder = args.length > 0 ? args[0] : "content";
        String name = args.length > 1 ? args[1] : "events";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Catalog catalog = ValidateContentCommand.load(folder);
        if (catalog == null) {
            System.exit(1);
        }
        Dataset dataset = catalog.dataset(name).orElseThrow(() -> new IllegalArgumentException("no dataset " + name));
        Path directory = Files.createTempDirectory("netverks-clone-bench");
        String password = UUID.randomUUID().toString().replace("-", "");
        try (EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(directory.resolve("pg"), Map.of("max_connections", "50"), 0, password)) {
            SandboxServer server = new SandboxServer("bench", "localhost", postgres.port(), "postgres", password);
            DatasetTemplates templates = new DatasetTemplates();
            long start = System.nanoTime();
            String template = templates.ensure(server, dataset);
            System.out.printf("%s: template loaded in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
            try (Connection admin = AdminConnections.open(server, "postgres")) {
                System.out.printf("template size: %s%n", size(admin, template));
                for (String strategy : List.of("wal_log", "file_copy", "wal_log")) {
                    clones(admin, template, strategy, count);
                }
            }
            SandboxProvisioner provisioner = new SandboxProvisioner(templates);
            double[] millis = new double[count];
            List<Sandbox> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long begin = System.nanoTime();
                made.add(provisioner.create(server, dataset, Duration.ofSeconds(5)));
                millis[i] = (System.nanoTime() - begin) / 1e6;
            }
            report("SandboxProvisioner.create (role + clone + grants + reassign owned)", millis);
            for (Sandbox sandbox : made) {
                provisioner.drop(server, sandbox.database(), sandbox.role());
            }
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** {@code count} clones with one strategy, timed one by one, then dropped. */
    private static void clones(Connection admin, String template, String strategy, int count) throws SQLException {
        double[] millis = new double[count];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String clone = Secrets.checkedIdentifier("bench_" + strategy + "_" + i);
            long begin = System.nanoTime();
            DatasetTemplates.execute(
                    admin, "create database " + clone + " template " + template + " strategy " + strategy);
            millis[i] = (System.nanoTime() - begin) / 1e6;
            names.add(clone);
        }
        report("create database … strategy " + strategy + " (clone size " + size(admin, names.get(0)) + ")", millis);
        for (String clone : names) {
            DatasetTemplates.execute(admin, "drop database " + clone);
        }
    }

    private static String size(Connection admin, String database) throws SQLException {
        try (ResultSet rows = admin.createStatement()
                .executeQuery(
                        "select pg_size_pretty(pg_database_size('" + Secrets.checkedIdentifier(database) + "'))")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: n=%d p50=%.0f ms p90=%.0f ms max=%.0f ms (in order: %s)%n",
                what,
                sorted.length,
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
                sorted[sorted.length - 1],
                Arrays.stream(millis).mapToObj(m -> String.format("%.0f", m)).toList());
    }
}
