package org.netverks.lab;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.netverks.lab.psql.SchemaPanel;
import org.netverks.lab.run.ConcurrentSession;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.ClientAccessProperties;
import org.netverks.lab.sandbox.DiskQuotaGuard;
import org.netverks.lab.sandbox.Sandbox;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.SandboxService;
import org.netverks.lab.sandbox.SandboxUnavailableException;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.QueryRows;
import org.netverks.web.BadRequestException;
import org.springframework.stereotype.Service;

/** The lab's use cases: run a script, reset, show connection details, list the sandbox's tables. */
@Service
public class LabService {

    /**
     * The disk quota is checked on each connection's first run, after any run that may have
     * written, and at least every {@link #SIZE_CHECK_EVERY} (a SELECT can call a function that writes).
     */
    private static final Duration SIZE_CHECK_EVERY = Duration.ofSeconds(5);

    /** 3D000: the database is gone — the sandbox was reset (and dropped) by another request of the learner. */
    private static final String DATABASE_GONE = "3D000";

    private final ContentCatalog catalog;
    private final SandboxService sandboxes;
    private final OpenConnections connections;
    private final ScriptRunner runner;
    private final LabProperties properties;
    private final ClientAccessProperties access;
    private final DiskQuotaGuard quotaGuard;
    private final LabMetrics metrics;
    private final LabSessions sessions;
    private final TwoSessionLab twoSessions;

    LabService(
            ContentCatalog catalog,
            SandboxService sandboxes,
            OpenConnections connections,
            LabSessions sessions,
            TwoSessionLab twoSessions,
            ScriptRunner runner,
            LabProperties properties,
            ClientAccessProperties access,
            DiskQuotaGuard quotaGuard,
            LabMetrics metrics) {
        this.catalog = catalog;
        this.sandboxes = sandboxes;
        this.connections = connections;
        this.runner = runner;
        this.properties = properties;
        this.access = access;
        this.quotaGuard = quotaGuard;
        this.metrics = metrics;
        this.sessions = sessions;
        this.twoSessions = twoSessions;
    }

    /** Who is asking: the learner's stable key, their address (for creation limits) and display settings. */
    public record Visitor(String learnerKey, String client, DisplaySettings settings) {}

    /**
     * A run's answer. {@code session} and {@code state}: the session of a two-session lab the run
     * went to and what it is doing now; null for a one-session run.
     */
    public record RunResponse(
            List<StatementResult> results,
            List<String> messages,
            DisplaySettings settings,
            String database,
            String session,
            ConcurrentSession.State state) {

        RunResponse(List<StatementResult> results, List<String> messages, DisplaySettings settings, String database) {
            this(results, messages, settings, database, null, null);
        }
    }

    /**
     * Runs {@code sql} on the learner's sandbox: in the one-session lab ({@code session} null), or
     * in session "a" or "b" of the two-session lab, where transactions span runs.
     */
    public RunResponse runScript(String trackSlug, String lessonSlug, String sql, String session, Visitor visitor)
            throws SQLException {
        if (session != null && !LabSessions.NAMES.contains(session)) {
            throw new BadRequestException(
                    "\"session\" must be \"a\" or \"b\" (the two sessions of the lab), or left out.");
        }
        long start = System.nanoTime();
        LabMetrics.RunOutcome outcome = LabMetrics.RunOutcome.FAILED;
        try {
            RunResponse response = session == null
                    ? run(trackSlug, lessonSlug, sql, visitor)
                    : twoSessions.run(trackSlug, lessonSlug, sql, session, visitor);
            outcome = LabMetrics.RunOutcome.ANSWERED;
            metrics.limitsIn(response.results());
            return response;
        } catch (LabRefusal | SandboxUnavailableException e) {
            outcome = LabMetrics.RunOutcome.REFUSED;
            throw e;
        } finally {
            metrics.run(visitor.learnerKey(), outcome, System.nanoTime() - start);
        }
    }

    private RunResponse run(String trackSlug, String lessonSlug, String sql, Visitor visitor) throws SQLException {
        Dataset dataset = datasetOf(trackSlug, lessonSlug);
        LabRefusal.requireSqlWithin(sql, properties, "run");
        return onOwnSandbox(visitor, dataset, (sandbox, connection) -> {
            if (connection.sizeBytes() < 0) {
                measure(connection); // a new connection: the sandbox may have outgrown its quota before
            }
            if (connection.sizeBytes() > properties.sandboxQuota().toBytes()) {
                throw new LabRefusal(
                        LabRefusal.Kind.OVER_DISK_QUOTA,
                        quotaMessage(connection.sizeBytes()) + " Reset it to keep working.");
            }
            ScriptRunner.ScriptResult done =
                    runner.runScript(sql, connection, visitor.settings(), properties.runLimits());
            runner.cleanUp(connection, done);
            List<String> messages = new ArrayList<>(done.messages());
            if (!connection.usable() && quotaGuard.closedForQuota(sandboxes.server(sandbox), sandbox)) {
                messages.add(OpenConnections.overQuota(properties).getMessage());
                return new RunResponse(done.results(), messages, done.settings(), sandbox.database());
            }
            boolean due = connection.nanosSinceSizeChecked() > SIZE_CHECK_EVERY.toNanos();
            if (connection.usable() && (due || mayHaveWritten(done.results()))) {
                measure(connection);
                if (connection.sizeBytes() > properties.sandboxQuota().toBytes()) {
                    messages.add(
                            quotaMessage(connection.sizeBytes()) + " Further runs are refused until you reset it.");
                }
            }
            return new RunResponse(done.results(), messages, done.settings(), sandbox.database());
        });
    }

    /** Swaps the learner's sandbox for a pristine copy of the dataset; both sessions of the two-session lab end. */
    public void reset(String trackSlug, String lessonSlug, Visitor visitor) {
        Dataset dataset = datasetOf(trackSlug, lessonSlug);
        sandboxes.reset(visitor.learnerKey(), dataset, visitor.client()).ifPresent(old -> {
            connections.forget(old.id());
            sessions.forget(old.id());
        });
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
            throw new LabRefusal(
                    LabRefusal.Kind.CONNECTIONS_NOT_OFFERED,
                    "This lab's operator has not enabled connections from your own tools.");
        }
        Sandbox sandbox =
                sandboxes.sandboxFor(visitor.learnerKey(), datasetOf(trackSlug, lessonSlug), visitor.client());
        SandboxServer server = sandboxes.server(sandbox);
        // the password shown must work, even if the learner changed it with ALTER ROLE since
        sandboxes.repairRole(sandbox);
        if (quotaGuard.closedForQuota(server, sandbox)) {
            throw OpenConnections.overQuota(properties); // credentials that cannot log in would only puzzle
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

    /**
     * The tables and views in the learner's sandbox, for the schema panel: a catalog listing read
     * through the connection's bounded query path, under the lab's statement time limit.
     */
    public List<SchemaPanel.Table> schema(String trackSlug, String lessonSlug, Visitor visitor) throws SQLException {
        Duration timeout = properties.statementTimeout();
        return onOwnSandbox(visitor, datasetOf(trackSlug, lessonSlug), (sandbox, connection) -> {
            try {
                return SchemaPanel.list(PsqlOnSandbox.catalogsOf(connection, timeout));
            } catch (SandboxConnection.TimedOut e) {
                throw new LabRefusal(
                        LabRefusal.Kind.TOO_SLOW,
                        "Listing your tables took longer than the lab's statement time limit of " + timeout.toSeconds()
                                + " s (statement time limit). Please try again.");
            }
        });
    }

    private interface SandboxWork<T> {
        T on(Sandbox sandbox, SandboxConnection connection) throws SQLException;
    }

    /**
     * Does the work on the learner's sandbox. One looked up just before a reset of the learner
     * (another tab, another app instance) replaced and dropped it is gone by the time we connect:
     * the current one is looked up and used instead.
     */
    private <T> T onOwnSandbox(Visitor visitor, Dataset dataset, SandboxWork<T> work) throws SQLException {
        Sandbox sandbox = sandboxes.sandboxFor(visitor.learnerKey(), dataset, visitor.client());
        try {
            return connections.with(sandbox, sandboxes.server(sandbox), connection -> work.on(sandbox, connection));
        } catch (SQLException e) {
            if (!DATABASE_GONE.equals(e.getSQLState())) {
                throw e;
            }
            sandboxes.forgetRecent(visitor.learnerKey(), dataset);
            Sandbox current = sandboxes.sandboxFor(visitor.learnerKey(), dataset, visitor.client());
            return connections.with(current, sandboxes.server(current), connection -> work.on(current, connection));
        }
    }

    private Dataset datasetOf(String trackSlug, String lessonSlug) {
        return LabLessons.datasetOf(catalog.current(), trackSlug, lessonSlug);
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

    /**
     * Records the sandbox's size on its connection; when it cannot be measured now, the next run
     * tries again. Bounded like a statement: a size the server is slow to add up must not hold the run.
     */
    private void measure(SandboxConnection connection) {
        try {
            QueryRows size = connection.query(
                    "select pg_catalog.pg_database_size(pg_catalog.current_database())",
                    List.of(),
                    properties.statementTimeout());
            connection.recordSize(Long.parseLong(size.rows().get(0).get(0)));
        } catch (SQLException e) {
            // keep the last figure
        }
    }

    private String quotaMessage(long used) {
        return "Your sandbox uses " + (used / (1024 * 1024)) + " MB, more than its "
                + properties.sandboxQuota().toMegabytes() + " MB disk quota.";
    }
}
