package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The embedded platform database is migrated on a thread of its own: the pool hands out no
 * connection before the migration ended, a failed migration stops the start with its own cause,
 * and with Flyway switched off there is nothing to wait for.
 */
class PlatformMigrationTest {

    private static final long WAIT_SECONDS = 60; // a bound to fail fast, not a timing claim

    private static EmbeddedPlatformCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        PlatformProperties properties =
                new PlatformProperties(TestData.dir("platform-migration"), Duration.ofSeconds(1));
        cluster = new EmbeddedPlatformCluster(
                CompletableFuture.completedFuture(PlatformCluster.start(properties)), properties);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void aConnectionAskedForDuringTheMigrationComesOnlyOnceItEnded() throws Exception {
        CountDownLatch migrating = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        Flyway flyway = flyway("classpath:db/migration", "public", new HoldBeforeMigrating(migrating, mayFinish));
        PlatformMigration migration = new PlatformMigration(provider(flyway));
        try (EmbeddedPlatformPool pool = new EmbeddedPlatformPool(cluster, migration)) {
            migration.migrate(flyway);
            assertThat(migrating.await(WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("the migration began")
                    .isTrue();

            CompletableFuture<Long> appliedSeenByFirstConnection = new CompletableFuture<>();
            Thread asking = new Thread(() -> {
                try (Connection connection = pool.getConnection();
                        ResultSet applied = connection
                                .createStatement()
                                .executeQuery("select count(*) from flyway_schema_history "
                                        + "where success and version is not null")) {
                    applied.next();
                    appliedSeenByFirstConnection.complete(applied.getLong(1));
                } catch (Exception e) {
                    appliedSeenByFirstConnection.completeExceptionally(e);
                }
            });
            asking.start();
            awaitWaiting(asking);
            mayFinish.countDown();

            assertThat(appliedSeenByFirstConnection.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("every migration had been applied when the pool's first connection came")
                    .isEqualTo(Arrays.stream(flyway.info().applied())
                            .filter(applied -> applied.getVersion() != null)
                            .count())
                    .isGreaterThanOrEqualTo(12);
            migration.start(); // what the web server's start waits for: already over
            assertThat(migration.isRunning()).isTrue();
        }
    }

    @Test
    void aFailedMigrationStopsTheStartWithItsOwnCause() {
        Flyway broken = flyway("classpath:org/netverks/platform/broken-migration", "schema_broken");
        PlatformMigration migration = new PlatformMigration(provider(broken));
        migration.migrate(broken);

        assertThatThrownBy(migration::start).isInstanceOf(FlywayException.class).hasMessageContaining("V1__broken.sql");
        try (EmbeddedPlatformPool pool = new EmbeddedPlatformPool(cluster, migration)) {
            assertThatThrownBy(pool::getConnection).isInstanceOf(FlywayException.class);
        }
        assertThat(migration.isRunning()).isFalse();
    }

    @Test
    void withFlywaySwitchedOffThereIsNoMigrationToWaitFor() throws Exception {
        PlatformMigration migration =
                new PlatformMigration(new StaticListableBeanFactory().getBeanProvider(Flyway.class));

        migration.start();

        try (EmbeddedPlatformPool pool = new EmbeddedPlatformPool(cluster, migration);
                Connection connection = pool.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    /** Until {@code thread} waits (for the migration), so that the test really asks mid-migration. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(thread.getState()).as("the connection's asker waits").isEqualTo(Thread.State.WAITING);
    }

    private static Flyway flyway(String location, String schema, Callback... callbacks) {
        return Flyway.configure()
                .dataSource(cluster.connections())
                .locations(location)
                .schemas(schema)
                .callbacks(callbacks)
                .load();
    }

    private static ObjectProvider<Flyway> provider(Flyway flyway) {
        return new StaticListableBeanFactory(Map.of("flyway", flyway)).getBeanProvider(Flyway.class);
    }

    /** Holds the migration, once begun, until the test lets it go on. */
    private record HoldBeforeMigrating(CountDownLatch migrating, CountDownLatch mayFinish) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            migrating.countDown();
            try {
                mayFinish.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String getCallbackName() {
            return "hold before migrating";
        }
    }
}
