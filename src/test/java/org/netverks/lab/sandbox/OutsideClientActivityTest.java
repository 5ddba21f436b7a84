package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.lab.LabClient;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner who works only in their own psql or Python keeps their sandbox: idle reclaiming
 * counts a client connected to the sandbox, or one that came and went since the last look.
 */
@IntegrationTest
class OutsideClientActivityTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxService sandboxes;

    @Autowired
    SandboxServers servers;

    @Autowired
    JdbcClient platform;

    @Test
    void aSandboxWithItsOwnClientConnectedIsNotReclaimedWhileOneWithoutIs() throws Exception {
        JsonNode working = newLearnersConnectionDetails();
        JsonNode gone = newLearnersConnectionDetails();
        try (Connection client = LabClient.connect(working)) {
            sandboxes.reclaimIdle().get(60, TimeUnit.SECONDS); // records the lab's own use of both, just now
            lastUsedAnHourAgo(working);
            lastUsedAnHourAgo(gone);

            sandboxes.reclaimIdle().get(60, TimeUnit.SECONDS);

            assertThat(recorded(working))
                    .as("the sandbox with a client connected")
                    .isTrue();
            assertThat(recorded(gone)).as("the sandbox nobody uses").isFalse();
            assertThatThrownBy(() -> LabClient.connect(gone).close()).isInstanceOf(SQLException.class);
            try (Statement statement = client.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from customers")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void aClientThatCameAndWentSinceTheLastLookCounts() throws Exception {
        JsonNode learner = newLearnersConnectionDetails();
        String database = learner.get("database").asString();
        SandboxServer server = servers.all().get(0);
        OutsideClients clients = new OutsideClients(); // our own looks, apart from the scheduled ones

        assertThat(clients.inUse(server)).as("first look: nobody connected").doesNotContain(database);
        try (Connection client = LabClient.connect(learner);
                Statement statement = client.createStatement()) {
            statement.execute("select 1");
        }
        assertThat(clients.inUse(server)).as("a session came and went").contains(database);
        awaitNoBackendIn(server, database);
        assertThat(clients.inUse(server)).as("nothing since").doesNotContain(database);
    }

    private JsonNode newLearnersConnectionDetails() {
        HttpResponse<String> response = new Http(port).getJson("/api/lab/fixture/postgresql-with-python/connection");
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private void lastUsedAnHourAgo(JsonNode details) {
        platform.sql("update lab_sandbox set last_used_at = now() - interval '1 hour' where database_name = :database")
                .param("database", details.get("database").asString())
                .update();
    }

    private boolean recorded(JsonNode details) {
        return platform.sql("select count(*) from lab_sandbox where database_name = :database")
                        .param("database", details.get("database").asString())
                        .query(Integer.class)
                        .single()
                == 1;
    }

    /** A closed connection's backend leaves pg_stat_activity a moment after the client hangs up. */
    private static void awaitNoBackendIn(SandboxServer server, String database) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection admin = AdminConnections.open(server, "postgres");
                var query = admin.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
            query.setString(1, database);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the backend of a closed connection stayed for 10 s");
    }
}
