package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learners may work from their own psql or Python rather than the lab, which then never hears
 * from them. Asked before idle sandboxes are reclaimed, the sandbox server itself tells which
 * sandboxes are in use: a backend of a learner role connected now, or sessions opened there
 * since the last look (a script that connects, queries and disconnects between two looks).
 */
final class OutsideClients {

    /** Per server: sessions opened so far in each sandbox database, as seen at the last look. */
    private final Map<String, Map<String, Long>> sessionsSeen = new ConcurrentHashMap<>();

    /** The sandbox databases on this server that a client used since the last call, or uses now. */
    Set<String> inUse(SandboxServer server) throws SQLException {
        Set<String> used = new HashSet<>();
        Map<String, Long> sessions = new HashMap<>();
        try (Connection admin = AdminConnections.open(server, "postgres");
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(
                        """
                        select d.datname, %s,
                               exists (select 1 from pg_stat_activity a
                                       where a.datid = d.datid and a.usename like 'lr\\_%%') as connected
                        from pg_stat_database d
                        where d.datname like 'sb\\_%%'"""
                                .formatted(
                                        // counted since PostgreSQL 14; before, only clients connected at the time count
                                        admin.getMetaData().getDatabaseMajorVersion() >= 14
                                                ? "d.sessions"
                                                : "0::bigint"))) {
            Map<String, Long> before = sessionsSeen.getOrDefault(server.id(), Map.of());
            while (rows.next()) {
                String database = rows.getString(1);
                long opened = rows.getLong(2);
                Long seen = before.get(database);
                // a count that went down was reset (statistics are lost when the server crashes): look again next time
                if (rows.getBoolean(3) || (seen != null && opened > seen)) {
                    used.add(database);
                }
                sessions.put(database, opened);
            }
        }
        sessionsSeen.put(server.id(), sessions);
        return used;
    }
}
