package org.netverks.lab.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which sandbox servers an operator is draining: a draining server gets no new sandboxes (first
 * runs, resets), no warm-pool or check-pool copies and no read-only grading copies, while learners
 * who already have a sandbox there keep using it until it is reclaimed as idle. Kept in the platform
 * database ({@code lab_sandbox_server}), so every app instance sees a change at its next placement.
 *
 * <p>This is the API behind the jar's {@code servers list|drain|resume} commands: it needs only a
 * {@link JdbcClient} on the platform database. A server is named by its id, {@code host:port} as in
 * {@code NETVERKS_LAB_SERVERS} (port 5432 when the URL gives none); this class does not check that
 * the id is configured, the caller does ({@link SandboxServer#parse} gives the id of a URL).
 */
@Repository
public class SandboxServerDraining {

    /**
     * One server as the platform database knows it.
     *
     * @param serverId  {@code host:port}
     * @param draining  whether new sandboxes avoid it
     * @param changedAt when it was last drained or resumed; null if never
     * @param sandboxes sandboxes recorded on it now (learners', pooled and check copies)
     */
    public record ServerState(String serverId, boolean draining, Instant changedAt, int sandboxes) {}

    private final JdbcClient jdbc;

    public SandboxServerDraining(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the server draining (again: its time is updated). Idempotent. */
    public void drain(String serverId) {
        set(serverId, true);
    }

    /** Puts a draining server back in service. Idempotent; a server never drained is left as it is. */
    public void resume(String serverId) {
        set(serverId, false);
    }

    private void set(String serverId, boolean draining) {
        jdbc.sql(
                        """
                insert into lab_sandbox_server (server_id, draining, changed_at) values (:id, :draining, now())
                on conflict (server_id) do update set draining = excluded.draining, changed_at = now()""")
                .param("id", serverId)
                .param("draining", draining)
                .update();
    }

    /**
     * Every server that was ever drained or resumed, or holds sandboxes, by id. A configured server
     * with neither is not in the list: it is in service and empty.
     */
    public List<ServerState> list() {
        return jdbc.sql(
                        """
                select coalesce(s.server_id, c.server_id) as server_id, coalesce(s.draining, false) as draining,
                       s.changed_at, coalesce(c.sandboxes, 0) as sandboxes
                from lab_sandbox_server s
                full join (select server_id, count(*)::int as sandboxes from lab_sandbox group by server_id) c
                       on c.server_id = s.server_id
                order by 1""")
                .query((row, n) -> new ServerState(
                        row.getString("server_id"),
                        row.getBoolean("draining"),
                        row.getTimestamp("changed_at") == null
                                ? null
                                : row.getTimestamp("changed_at").toInstant(),
                        row.getInt("sandboxes")))
                .list();
    }

    /** The ids of the servers being drained now (one small read, made when a sandbox is placed). */
    public Set<String> drainingIds() {
        return Set.copyOf(jdbc.sql("select server_id from lab_sandbox_server where draining")
                .query(String.class)
                .list());
    }
}
