package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared read-only copy that checks grade on: its role can read the dataset and change nothing. */
@IntegrationTest
class ReadOnlyCopyTest {

    @Autowired
    SandboxService sandboxes;

    @Autowired
    ContentCatalog content;

    @Autowired
    SandboxServers servers;

    private Connection connect(ScratchDatabases.Scratch copy, String database) throws SQLException {
        return SandboxLogin.connect(copy.server(), copy.sandbox(), database);
    }

    @Test
    void aCopyBeingMadeForOneDatasetHoldsUpNoCheckOnAnother() throws Exception {
        Dataset slow = SlowDatasets.sleeping(20);
        var making = java.util.concurrent.CompletableFuture.supplyAsync(() -> sandboxes.readOnly(slow));
        try {
            SlowDatasets.awaitSleepingLoad(servers.all().get(0));
            assertThat(sandboxes.readOnly(SlowDatasets.quick()).sandbox().dataset())
                    .isEqualTo("quick");
            assertThat(making)
                    .as("another dataset's copy was made while the slow dataset's was still being made")
                    .isNotDone();
            assertThat(making.get(60, java.util.concurrent.TimeUnit.SECONDS)
                            .sandbox()
                            .dataset())
                    .isEqualTo("slow");
        } finally {
            making.exceptionally(e -> null).get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void itsRoleReadsTheDataButCannotChangeAnythingEvenAfterLiftingReadOnly() throws Exception {
        Dataset practice = content.current().dataset("practice").orElseThrow();
        ScratchDatabases.Scratch copy = sandboxes.readOnly(practice);
        assertThat(sandboxes.readOnly(practice).sandbox())
                .as("shared, not made per check")
                .isEqualTo(copy.sandbox());
        try (Connection connection = connect(copy, copy.sandbox().database());
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select count(*) from customers")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(30);
            }
            statement.execute("set default_transaction_read_only = off");
            for (String write : new String[] {
                "delete from customers",
                "update accounts set balance = 0",
                "create table mine (id int)",
                "create temp table mine (id int)",
                "select nextval('customers_id_seq')",
                "create function f() returns int language sql as 'select 1'",
                "alter table customers add column x int",
                "truncate bookings",
                "select 1 from customers for update"
            }) {
                assertThatThrownBy(() -> statement.execute(write))
                        .as(write)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as(write)
                                .isEqualTo("42501"));
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from customers")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(30);
            }
        }
        assertThatThrownBy(() -> connect(copy, "postgres").close()).isInstanceOf(SQLException.class);
    }
}
