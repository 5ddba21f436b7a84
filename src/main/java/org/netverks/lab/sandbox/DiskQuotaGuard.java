package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.netverks.lab.LabProperties;
import org.netverks.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds the disk quota for every way into a sandbox — lab runs, checks and the learner's own
 * psql — by watching from the server side, where every write shows. Every
 * {@code quota-check-interval} it measures the databases that a learner role is connected to and
 * was busy in lately (an idle session writes nothing); a sandbox over its quota loses its role's
 * LOGIN and its sessions are terminated, which stops a write in progress. Nothing gives LOGIN back:
 * the way out is a reset, a fresh sandbox. The overshoot is what one learner can write between two
 * checks (bench/RESULTS.md has the figure measured here).
 */
@Component
public class DiskQuotaGuard {

    private static final Logger log = LoggerFactory.getLogger(DiskQuotaGuard.class);

    private final SandboxServers servers;
    private final LabProperties properties;
    private final Map<String, Connection> admins = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "disk-quota-guard");
        thread.setDaemon(true);
        return thread;
    });

    DiskQuotaGuard(SandboxServers servers, LabProperties properties) {
        this.servers = servers;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.quotaCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkAll, every, every, TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
        admins.values().forEach(DiskQuotaGuard::closeQuietly);
    }

    /** A sandbox the guard closed: its role, and the size that took it over the quota. */
    record Closed(String role, String database, long bytes) {}

    void checkAll() {
        for (SandboxServer server : servers.all()) {
            if (servers.isDown(server)) {
                continue; // nothing to measure there; the probe says when it is back
            }
            try {
                for (Closed closed : check(server)) {
                    log.info(
                            "Sandbox {} uses {} MB, over its {} MB disk quota: role {} may no longer log in and its "
                                    + "sessions were ended",
                            closed.database(),
                            closed.bytes() / (1024 * 1024),
                            properties.sandboxQuota().toMegabytes(),
                            closed.role());
                }
            } catch (SQLException | RuntimeException e) {
                // the server may be restarting, or a database was dropped while being measured: next time
                closeQuietly(admins.remove(server.id()));
                if (e instanceof RuntimeException && !BackgroundWork.unreachable(e)) {
                    log.error("Disk quota check on {} failed", server.id(), e); // a bug, not the server being away
                } else {
                    log.debug("Disk quota check on {} failed: {}", server.id(), e.getMessage());
                }
            }
        }
    }

    /** Measures the busy sandboxes on one server and closes those over the quota. */
    List<Closed> check(SandboxServer server) throws SQLException {
        Connection admin = admin(server);
        List<Closed> over = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement(
                """
                select busy.datname, busy.usename, pg_database_size(busy.datname)
                from (select distinct a.datname, a.usename
                      from pg_stat_activity a join pg_roles r on r.rolname = a.usename
                      where a.backend_type = 'client backend' and a.datname like 'sb\\_%'
                        and a.usename like 'lr\\_%' and r.rolcanlogin
                        and (a.state <> 'idle' or a.state_change > now() - make_interval(secs => ?))) busy""")) {
            // a statement that ended since the last check still counts, hence twice the interval
            query.setDouble(1, properties.quotaCheckInterval().toMillis() * 2 / 1000.0);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(3) > properties.sandboxQuota().toBytes()) {
                        over.add(new Closed(rows.getString(2), rows.getString(1), rows.getLong(3)));
                    }
                }
            }
        }
        for (Closed closed : over) {
            close(admin, closed.role());
        }
        return over;
    }

    /** Takes LOGIN away first, so that the sessions ended next cannot come straight back. */
    private static void close(Connection admin, String role) throws SQLException {
        DatasetTemplates.execute(admin, "alter role " + Secrets.checkedIdentifier(role) + " nologin");
        try (PreparedStatement terminate =
                admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity where usename = ?")) {
            terminate.setString(1, role);
            terminate.executeQuery().close();
        }
    }

    /** Whether the sandbox's role was closed for going over the quota (by this instance or another). */
    public boolean closedForQuota(SandboxServer server, Sandbox sandbox) throws SQLException {
        try (Connection admin = AdminConnections.open(server, "postgres");
                PreparedStatement query =
                        admin.prepareStatement("select not rolcanlogin from pg_roles where rolname = ?")) {
            query.setString(1, sandbox.role());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** One admin connection per server, kept: a log-in every second would cost more than the check. */
    private Connection admin(SandboxServer server) throws SQLException {
        Connection admin = admins.get(server.id());
        if (admin == null || admin.isClosed()) {
            admin = AdminConnections.open(server, "postgres");
            admins.put(server.id(), admin);
        }
        return admin;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }
}
