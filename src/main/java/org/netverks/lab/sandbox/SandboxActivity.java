package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the learner's own backends are doing, read on the admin's side: learners may not read
 * pg_locks or other sessions' activity ({@link DatasetTemplates#harden}), so the two-session lab
 * asks here who waits for whom and which locks are held, filtered to the backends logged in as
 * the sandbox's own role in its own database — another learner's sessions are never in the answer.
 */
@Component
public class SandboxActivity {

    private static final String BACKENDS =
            """
            select a.pid, a.state, a.xact_start, a.backend_xid::text, a.backend_xmin::text,
                   pg_catalog.left(a.query, 300), pg_catalog.pg_blocking_pids(a.pid)
            from pg_catalog.pg_stat_activity a
            where a.datname = pg_catalog.current_database() and a.usename = ?
            order by a.backend_start""";

    /** Locks on the system catalogs are the lab's own catalog reads: left out, they teach nothing. */
    private static final String LOCKS =
            """
            select l.pid, l.locktype, l.mode, l.granted,
                   case when l.relation is not null then l.relation::pg_catalog.regclass::text end,
                   l.page, l.tuple, l.transactionid::text
            from pg_catalog.pg_locks l
            join pg_catalog.pg_stat_activity a on a.pid = l.pid
            left join pg_catalog.pg_class c on c.oid = l.relation
            where a.datname = pg_catalog.current_database() and a.usename = ?
              and l.locktype <> 'virtualxid'
              and coalesce(c.relnamespace <> 'pg_catalog'::pg_catalog.regnamespace, true)
            order by l.pid, l.granted desc, l.locktype, 5 nulls first, l.page, l.tuple""";

    private final SandboxServers servers;

    SandboxActivity(SandboxServers servers) {
        this.servers = servers;
    }

    /** A backend of the learner's role in its sandbox database. */
    public record Backend(
            int pid,
            String state,
            Instant transactionStart,
            String xid,
            String xmin,
            String query,
            List<Integer> waitingFor) {}

    /** A lock one of the learner's backends holds ({@code granted}) or waits for. */
    public record Lock(
            int pid,
            String lockType,
            String mode,
            boolean granted,
            String relation,
            Integer page,
            Integer tuple,
            String transactionId) {}

    public record Report(List<Backend> backends, List<Lock> locks) {}

    /** The backends {@code pid} waits for on {@code server} (empty: it waits for none). */
    public List<Integer> blockers(SandboxServer server, int pid) throws SQLException {
        return BlockingPids.of(server, pid);
    }

    /** The learner's backends in their sandbox and the locks they hold or wait for. */
    public Report report(Sandbox sandbox) throws SQLException {
        SandboxServer server = servers.byId(sandbox.serverId());
        try (Connection admin = open(server, sandbox.database())) {
            List<Backend> backends = new ArrayList<>();
            try (PreparedStatement statement = admin.prepareStatement(BACKENDS)) {
                statement.setString(1, sandbox.role());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        java.sql.Timestamp start = rows.getTimestamp(3);
                        backends.add(new Backend(
                                rows.getInt(1),
                                rows.getString(2),
                                start == null ? null : start.toInstant(),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                BlockingPids.integers(rows.getArray(7))));
                    }
                }
            }
            List<Lock> locks = new ArrayList<>();
            try (PreparedStatement statement = admin.prepareStatement(LOCKS)) {
                statement.setString(1, sandbox.role());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        locks.add(new Lock(
                                rows.getInt(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getBoolean(4),
                                rows.getString(5),
                                (Integer) rows.getObject(6),
                                rows.getObject(7) == null ? null : ((Number) rows.getObject(7)).intValue(),
                                rows.getString(8)));
                    }
                }
            }
            return new Report(List.copyOf(backends), List.copyOf(locks));
        }
    }

    private Connection open(SandboxServer server, String database) throws SQLException {
        try {
            return AdminConnections.open(server, database);
        } catch (SQLException e) {
            if (SandboxServers.unreachable(e)) {
                throw servers.unavailable(server);
            }
            throw e;
        }
    }
}
