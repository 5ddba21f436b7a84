package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks that each sandbox server answers and that its admin user may do what the lab does there:
 * at start (a server that cannot be reached or is unfit is marked down with a WARN, and the app starts
 * without it), every {@link #EVERY} for the servers marked down (so the lab takes one back by itself
 * when it returns, with no learner needing to try), and on each {@code /actuator/health} request.
 * Checks run on a thread of their own: a server that does not answer costs its connect timeout
 * (2 s) there, never on a request or on the app's shared scheduler.
 */
@Component
class SandboxServerProbe {

    static final Duration EVERY = Duration.ofSeconds(5);

    /** A shared lock table that fills up stops every new connection in the cluster: shown as DOWN early. */
    private static final int LOCK_WARNING = 5_000;

    private final SandboxServers servers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-server-probe");
        thread.setDaemon(true);
        return thread;
    });

    SandboxServerProbe(SandboxServers servers) {
        this.servers = servers;
    }

    /** What one check found: whether the server can take sandboxes, and figures for the health endpoint. */
    record Result(boolean up, Map<String, Object> details) {}

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.execute(() -> servers.all().forEach(this::check));
        timer.scheduleWithFixedDelay(this::checkDown, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void checkDown() {
        if (servers.anyDown()) { // asks for the list only then: the embedded one may still be starting
            servers.all().stream().filter(servers::isDown).forEach(this::check);
        }
    }

    /** Connects as the admin, checks its rights and reads the server's load; marks the server up or down. */
    Result check(SandboxServer server) {
        try (Connection admin = AdminConnections.open(server, "postgres");
                ResultSet rows = admin.createStatement()
                        .executeQuery(
                                """
                        select (select rolsuper from pg_catalog.pg_roles where rolname = current_user),
                               (select count(*) from pg_catalog.pg_locks),
                               (select count(*) from pg_catalog.pg_stat_activity where backend_type = 'client backend'),
                               current_setting('max_connections')::int""")) {
            rows.next();
            Map<String, Object> details = new LinkedHashMap<>();
            if (!rows.getBoolean(1)) {
                String cause = "its admin user '" + server.adminUser() + "' is not a superuser, which the lab needs"
                        + " (it creates a role and a database per sandbox and revokes catalog functions and views"
                        + " from PUBLIC in each dataset template). Fix: ALTER ROLE " + server.adminUser()
                        + " SUPERUSER on that server, or give a superuser in its URL";
                servers.markDown(server, cause);
                details.put("error", cause);
                return new Result(false, details);
            }
            long locks = rows.getLong(2);
            details.put("locks", locks);
            details.put("connections", rows.getLong(3));
            details.put("maxConnections", rows.getInt(4));
            servers.markUp(server);
            return new Result(locks < LOCK_WARNING, details);
        } catch (SQLException e) {
            String cause = "it cannot be reached (" + e.getMessage() + ")";
            servers.markDown(server, cause);
            return new Result(false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }
}
