package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.netverks.content.ContentFiles;
import org.netverks.content.ContentProblem;
import org.netverks.content.Dataset;
import org.netverks.content.DatasetLoader;

/**
 * Datasets made for a test: one whose template takes a while to load (its script sleeps), to show
 * that loading it holds up no work on other datasets, and one that loads at once.
 */
final class SlowDatasets {

    private SlowDatasets() {}

    /** A dataset that sleeps for {@code seconds} while it loads; new each call, so never found made. */
    static Dataset sleeping(int seconds) {
        return dataset("slow", "SELECT pg_sleep(" + seconds + ");");
    }

    /** A dataset that loads at once; new each call, so its template and copies are made afresh. */
    static Dataset quick() {
        return dataset("quick", "CREATE TABLE numbers (n int);");
    }

    private static Dataset dataset(String name, String script) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, Dataset> datasets = new DatasetLoader()
                .load(
                        new ContentFiles(
                                "test",
                                Map.of("datasets/" + name + "/schema.sql", "-- " + UUID.randomUUID() + "\n" + script)),
                        problems);
        assertThat(problems).isEmpty();
        return datasets.get(name);
    }

    /** Waits until a load on this server is inside its pg_sleep. */
    static void awaitSleepingLoad(SandboxServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection admin = AdminConnections.open(server, "postgres");
                var sleeping = admin.prepareStatement(
                        "select exists (select from pg_stat_activity where wait_event = 'PgSleep'"
                                + " and pid <> pg_backend_pid())")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = sleeping.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the slow dataset never reached its pg_sleep");
    }
}
