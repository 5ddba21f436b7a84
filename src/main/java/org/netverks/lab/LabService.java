package org.netverks.lab;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.netverks.content.Lesson;
import org.netverks.lab.run.RunSettings;
import org.netverks.lab.run.SandboxSession;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.ClientAccessProperties;
import org.netverks.lab.sandbox.DiskQuotaGuard;
import org.netverks.lab.sandbox.Sandbox;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.SandboxService;
import org.springframework.stereotype.Service;

/** The lab's use cases: run a script, reset, show connection details, list the sandbox's tables. */
@Service
public class LabService {

    private final ContentCatalog catalog;
    private final SandboxService sandboxes;
    private final SandboxSessions sessions;
    private final ScriptRunner runner;
    private final LabProperties properties;
    private final ClientAccessProperties access;
    private final DiskQuotaGuard quotaGuard;
    /**
     * The disk quota is checked on each connection's first run, after any run that may have
     * written, and at least every {@link #SIZE_CHECK_EVERY} (a SELECT can call a function that writes).
     */
    private static final java.time.Duration SIZE_CHECK_EVERY = java.time.Duration.ofSeconds(5);

    LabService(
            ContentCatalog catalog,
            SandboxService sandboxes,
            SandboxSessions sessions,
            ScriptRunner runner,
            LabProperties properties,
            ClientAccessProperties access,
            DiskQuotaGuard quotaGuard) {
        this.quotaGuard = quotaGuard;
        this.catalog = catalog;
        this.sandboxes = sandboxes;
        this.sessions = sessions;
        this.runner = runner;
        this.properties = properties;
        this.access = access;
    }

    /** Who is asking: the learner's stable key, their address (for creation limits) and display settings. */
    public record Visitor(String learnerKey, String client, RunSettings settings) {}

    public record RunResponse(
            List<StatementResult> results, List<String> messages, RunSettings settings, String database) {}

    public RunResponse run(String trackSlug, String lessonSlug, String sql, Visitor visitor) throws SQLException {
        Dataset dataset = datasetOf(trackSlug, lessonSlug);
        LabLimitException.requireSqlWithin(sql, properties, "run");
        return onOwnSandbox(visitor, dataset, (sandbox, session) -> {
            if (session.sizeBytes() < 0) {
                measure(session); // a new connection: the sandbox may have outgrown its quota before
            }
            if (session.sizeBytes() > properties.sandboxQuota().toBytes()) {
                throw new LabLimitException(
                        409, "disk quota", quotaMessage(session.sizeBytes()) + " Reset it to keep working.");
            }
            ScriptRunner.Outcome outcome = runner.run(sql, session, visitor.settings(), properties.runLimits());
            runner.cleanUp(session, outcome);
            List<String> messages = new ArrayList<>(outcome.messages());
            if (!session.usable() && quotaGuard.closedForQuota(sandboxes.server(sandbox), sandbox)) {
                messages.add(SandboxSessions.overQuota(properties).getMessage());
                return new RunResponse(outcome.results(), messages, outcome.settings(), sandbox.database());
            }
            boolean due = session.nanosSinceSizeChecked() > SIZE_CHECK_EVERY.toNanos();
            if (session.usable() && (due || mayHaveWritten(outcome.results()))) {
                measure(session);
                if (session.sizeBytes() > properties.sandboxQuota().toBytes()) {
                    messages.add(quotaMessage(session.sizeBytes()) + " Further runs are refused until you reset it.");
                }
            }
            return new RunResponse(outcome.results(), messages, outcome.settings(), sandbox.database());
        });
    }

    /** Swaps the learner's sandbox for a pristine copy of the dataset. */
    public void reset(String trackSlug, String lessonSlug, Visitor visitor) {
        Dataset dataset = datasetOf(trackSlug, lessonSlug);
        sandboxes.reset(visitor.learnerKey(), dataset, visitor.client()).ifPresent(old -> sessions.forget(old.id()));
    }

    /**
     * A learner's own credentials. {@code tls}: the server requires TLS from other machines, and the
     * URI asks for it ({@code sslmode=require}). {@code serverOnly}: the host is this server's own
     * name for itself, so the details work only in a terminal on the server.
     */
    public record ConnectionDetails(
            String host,
            int port,
            String database,
            String user,
            String password,
            String uri,
            String psql,
            boolean tls,
            boolean serverOnly) {}

    public ConnectionDetails connection(String trackSlug, String lessonSlug, Visitor visitor) throws SQLException {
        if (!properties.showConnectionDetails()) {
            throw new LabLimitException(
                    403, null, "This lab's operator has not enabled connections from your own tools.");
        }
        Sandbox sandbox =
                sandboxes.sandboxFor(visitor.learnerKey(), datasetOf(trackSlug, lessonSlug), visitor.client());
        SandboxServer server = sandboxes.server(sandbox);
        // the password shown must work, even if the learner changed it with ALTER ROLE since
        sandboxes.repairRole(sandbox);
        if (quotaGuard.closedForQuota(server, sandbox)) {
            throw SandboxSessions.overQuota(properties); // credentials that cannot log in would only puzzle
        }
        String host = properties.publicHost();
        boolean tls = properties.embedded() && access.tls();
        // the role, password and database are generated from [A-Za-z0-9_]: nothing to escape
        String uri = "postgresql://" + sandbox.role() + ":" + sandbox.password() + "@"
                + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + server.port() + "/"
                + sandbox.database() + (tls ? "?sslmode=require" : "");
        return new ConnectionDetails(
                host,
                server.port(),
                sandbox.database(),
                sandbox.role(),
                sandbox.password(),
                uri,
                "psql '" + uri + "'",
                tls,
                ClientAccessProperties.isLoopback(host));
    }

    public record Table(String name, String kind, long estimatedRows, List<Column> columns) {}

    public record Column(String name, String type) {}

    /** The tables and views in the learner's sandbox, for the schema panel. */
    public List<Table> schema(String trackSlug, String lessonSlug, Visitor visitor) throws SQLException {
        return onOwnSandbox(visitor, datasetOf(trackSlug, lessonSlug), (sandbox, session) -> {
            Map<String, Table> tables = new LinkedHashMap<>();
            try (PreparedStatement query = session.connection()
                            .prepareStatement(
                                    """
                    select c.relname, case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                                     else 'table' end,
                           greatest(c.reltuples, 0)::bigint, a.attname, format_type(a.atttypid, a.atttypmod)
                    from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                    left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
                    order by c.relname, a.attnum""");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    Table table = tables.get(name);
                    if (table == null) {
                        table = new Table(name, rows.getString(2), rows.getLong(3), new ArrayList<>());
                        tables.put(name, table);
                    }
                    if (rows.getString(4) != null) {
                        table.columns().add(new Column(rows.getString(4), rows.getString(5)));
                    }
                }
            }
            return List.copyOf(tables.values());
        });
    }

    private interface SandboxWork<T> {
        T on(Sandbox sandbox, SandboxSession session) throws SQLException;
    }

    /** 3D000: the database is gone — the sandbox was reset (and dropped) by another request of the learner. */
    private static final String DATABASE_GONE = "3D000";

    /**
     * Does the work on the learner's sandbox. One looked up just before a reset of the learner
     * (another tab, another app instance) replaced and dropped it is gone by the time we connect:
     * the current one is looked up and used instead.
     */
    private <T> T onOwnSandbox(Visitor visitor, Dataset dataset, SandboxWork<T> work) throws SQLException {
        Sandbox sandbox = sandboxes.sandboxFor(visitor.learnerKey(), dataset, visitor.client());
        try {
            return sessions.with(sandbox, sandboxes.server(sandbox), session -> work.on(sandbox, session));
        } catch (SQLException e) {
            if (!DATABASE_GONE.equals(e.getSQLState())) {
                throw e;
            }
            sandboxes.forgetRecent(visitor.learnerKey(), dataset);
            Sandbox current = sandboxes.sandboxFor(visitor.learnerKey(), dataset, visitor.client());
            return sessions.with(current, sandboxes.server(current), session -> work.on(current, session));
        }
    }

    private Dataset datasetOf(String trackSlug, String lessonSlug) {
        Lesson lesson = LabLessons.withLab(catalog.current(), trackSlug, lessonSlug);
        return catalog.current().dataset(lesson.dataset()).orElseThrow();
    }

    /** Plain reads do not grow the database; commands (and EXPLAIN ANALYZE of one) can. */
    private static boolean mayHaveWritten(List<StatementResult> results) {
        return results.stream()
                .anyMatch(result -> result instanceof StatementResult.Command
                        || result instanceof StatementResult.Plan
                        || (result instanceof StatementResult.Rows rows
                                && rows.tag() != null
                                && !rows.tag().startsWith("SELECT")));
    }

    /** Records the sandbox's size on its session; when it cannot be measured now, the next run tries again. */
    private static void measure(SandboxSession session) {
        try (ResultSet rows =
                session.connection().createStatement().executeQuery("select pg_database_size(current_database())")) {
            rows.next();
            session.recordSize(rows.getLong(1));
        } catch (SQLException e) {
            // keep the last figure
        }
    }

    private String quotaMessage(long used) {
        return "Your sandbox uses " + (used / (1024 * 1024)) + " MB, more than its "
                + properties.sandboxQuota().toMegabytes() + " MB disk quota.";
    }
}
