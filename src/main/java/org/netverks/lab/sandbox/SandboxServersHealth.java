package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} reports each sandbox server: reachable, its connections and its lock
 * count. A shared lock table that fills up stops every new connection in the cluster, so a
 * high count is shown as DOWN before learners notice.
 */
@Component("sandboxServersHealthIndicator")
class SandboxServersHealth implements HealthIndicator {

    private static final int LOCK_WARNING = 5_000;

    private final SandboxServers servers;

    SandboxServersHealth(SandboxServers servers) {
        this.servers = servers;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (SandboxServer server : servers.all()) {
            try (Connection admin = AdminConnections.open(server, "postgres");
                    ResultSet rows = admin.createStatement()
                            .executeQuery(
                                    """
                            select (select count(*) from pg_locks),
                                   (select count(*) from pg_stat_activity where backend_type = 'client backend'),
                                   current_setting('max_connections')::int""")) {
                rows.next();
                long locks = rows.getLong(1);
                details.put(
                        server.id(),
                        Map.of("locks", locks, "connections", rows.getLong(2), "maxConnections", rows.getInt(3)));
                up &= locks < LOCK_WARNING;
            } catch (SQLException e) {
                details.put(server.id(), Map.of("error", String.valueOf(e.getMessage())));
                up = false;
            }
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
