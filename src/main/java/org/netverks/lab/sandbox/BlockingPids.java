package org.netverks.lab.sandbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a backend waits for: PostgreSQL's {@code pg_blocking_pids}, which learners may not call,
 * asked on the admin's side. The two-session lab and the timeline grader ask several times a
 * second while a statement runs, so each sandbox server keeps one admin connection for it.
 */
final class BlockingPids {

    private static final String BLOCKERS = "select pg_catalog.pg_blocking_pids(?)";

    private static final Map<String, Connection> CONNECTIONS = new ConcurrentHashMap<>();

    private BlockingPids() {}

    static List<Integer> of(SandboxServer server, int pid) throws SQLException {
        synchronized (CONNECTIONS) {
            Connection connection = CONNECTIONS.get(server.id());
            try {
                if (connection == null || connection.isClosed()) {
                    connection = AdminConnections.open(server, "postgres");
                    CONNECTIONS.put(server.id(), connection);
                }
                try (PreparedStatement statement = connection.prepareStatement(BLOCKERS)) {
                    statement.setInt(1, pid);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return integers(rows.getArray(1));
                    }
                }
            } catch (SQLException e) {
                Connection broken = CONNECTIONS.remove(server.id());
                if (broken != null) {
                    broken.close();
                }
                throw e;
            }
        }
    }

    static List<Integer> integers(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Integer> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).intValue());
        }
        return List.copyOf(values);
    }
}
