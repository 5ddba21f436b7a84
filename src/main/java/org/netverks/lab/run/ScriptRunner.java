package org.netverks.lab.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/**
 * Runs a learner's script statement by statement, like psql: every statement gets its own
 * result, an error does not stop the ones after it, and every lab limit that stops something
 * says so in plain words. At the end the session is put back as it was: an open transaction is
 * rolled back and the session state discarded.
 */
public final class ScriptRunner {

    private final MetaCommandHandler meta;
    private final PlanHandler plans;

    public ScriptRunner(MetaCommandHandler meta, PlanHandler plans) {
        this.meta = meta;
        this.plans = plans;
    }

    /** Everything a run produced: one result per statement, messages about the run as a whole, the settings after it. */
    public record ScriptResult(List<StatementResult> results, List<String> messages, DisplaySettings settings) {}

    public ScriptResult runScript(
            String script, SandboxConnection connection, DisplaySettings settings, RunLimits limits) {
        return runScript(script, connection, settings, limits, Listener.NONE, false);
    }

    /**
     * Told of each statement as it starts and as its result is ready, for a run that is watched
     * while it goes (a session of a two-session lab, where a statement may wait for the other).
     */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** A statement (or meta-command) at {@code offset}, {@code length} UTF-16 units long, starts. */
        default void started(int offset, int length) {}

        default void finished(StatementResult result) {}
    }

    /**
     * Runs the script, telling {@code listener} of every statement. {@code keepTransaction}: a
     * transaction the script leaves open stays open for the next run (a two-session lab), so the
     * run does not say it will be rolled back.
     */
    public ScriptResult runScript(
            String script,
            SandboxConnection connection,
            DisplaySettings settings,
            RunLimits limits,
            Listener listener,
            boolean keepTransaction) {
        List<StatementResult> results = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        long deadline = System.nanoTime() + limits.runTimeout().toNanos();
        List<SqlScript.Piece> pieces = SqlScript.split(script);
        String previousQuery = null; // what a bare \g runs again, as psql's previous query buffer
        for (int i = 0; i < pieces.size(); i++) {
            SqlScript.Piece piece = pieces.get(i);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                messages.add("Stopped: the run reached the lab's run time limit of " + Step.seconds(limits.runTimeout())
                        + " for all statements together; " + (pieces.size() - i) + " statement(s) did not run.");
                break;
            }
            if (!connection.usable()) {
                messages.add(
                        "The connection to your sandbox was closed (for example by SET client_encoding or "
                                + "a result that was too large); the statements after that did not run. Run again to reconnect.");
                break;
            }
            Duration timeout =
                    Duration.ofNanos(Math.min(limits.statementTimeout().toNanos(), remaining));
            boolean runLimit = timeout.compareTo(limits.statementTimeout()) < 0;
            Step step = new Step(script, piece, connection, settings, limits, timeout, runLimit, false);
            listener.started(piece.offset(), piece.span());
            StatementResult result;
            if (CopyStatements.isBackslashCopy(piece)) {
                result = CopyStatements.runBackslashCopy(step);
            } else if (piece.metaCommand() && QuerySending.sendsQuery(piece.text())) {
                result = runAgain(step, previousQuery);
            } else if (piece.metaCommand()) {
                MetaRun metaRun = runMeta(step);
                result = metaRun.result();
                settings = metaRun.settings();
            } else {
                Sent sent = runStatement(step);
                result = sent.result();
                previousQuery = sent.sql() == null ? previousQuery : sent.sql();
            }
            results.add(result);
            listener.finished(result);
        }
        if (!keepTransaction && connection.usable() && connection.inTransaction()) {
            messages.add("Your open transaction was rolled back when the run ended: each run starts afresh, "
                    + "so finish a transaction with COMMIT in the same run.");
        }
        return new ScriptResult(results, messages, settings);
    }

    /**
     * Rolls back what the run left open and discards session state (SETs, LISTEN, temporary
     * tables), so that every run starts afresh. A run of plain queries changed nothing to discard
     * (short of calling set_config, which affects only the learner's own session, and which no lab
     * limit relies on: every bound is the connection's own timer), so it skips the extra round trip.
     */
    public void cleanUp(SandboxConnection connection, ScriptResult done) {
        if (!connection.usable()) {
            return;
        }
        if (connection.inTransaction()) {
            connection.runQuietly("rollback");
        }
        boolean onlyQueries = done.results().stream()
                .allMatch(result -> result instanceof StatementResult.Rows rows
                        && rows.tag() != null
                        && rows.tag().startsWith("SELECT"));
        if (!onlyQueries) {
            connection.runQuietly("discard all");
        }
    }

    /**
     * The plan of one statement as EXPLAIN's JSON, without running it; empty when the statement
     * cannot be explained (a meta-command, a utility statement) or planning fails.
     */
    public Optional<String> explainJson(SandboxConnection connection, String statement, Duration timeout) {
        SandboxConnection.Execution execution = connection.execute("explain (format json) " + statement, timeout, 0);
        if (execution.error() != null) {
            return Optional.empty();
        }
        return execution.firstColumnJoined();
    }

    /** Rolls back a transaction the script left open, keeping the session's other state. */
    public void rollbackOpenTransaction(SandboxConnection connection) {
        if (connection.usable() && connection.inTransaction()) {
            connection.runQuietly("rollback");
        }
    }

    private record MetaRun(StatementResult result, DisplaySettings settings) {}

    /**
     * A meta-command reads the catalogs on the same connection and under the same time limits as a
     * statement; stopped by one, it says so as a stopped statement does.
     */
    private MetaRun runMeta(Step step) {
        long start = System.nanoTime();
        String text = step.piece().text();
        try {
            MetaCommandHandler.Printed printed =
                    meta.runMetaCommand(text, step.connection(), step.settings(), step.timeout());
            return new MetaRun(
                    new StatementResult.Meta(
                            step.source(System.nanoTime() - start), text, printed.text(), printed.failed()),
                    printed.settings());
        } catch (SandboxConnection.TimedOut e) {
            return new MetaRun(step.stopped(step.source(System.nanoTime() - start)), step.settings());
        } catch (SQLException e) {
            return new MetaRun(
                    new StatementResult.Meta(step.source(System.nanoTime() - start), text, e.getMessage(), true),
                    step.settings());
        }
    }

    /** What a statement gave, and the SQL it sent (null when it sent none). */
    private record Sent(StatementResult result, String sql) {}

    /** A statement typed in the script: its variables put in, then sent. */
    private Sent runStatement(Step step) {
        try {
            String sql =
                    Variables.interpolate(step.piece().text(), step.settings().variables());
            return new Sent(runSent(step, sql), sql);
        } catch (Variables.TooLong e) {
            return new Sent(
                    new StatementResult.Error(
                            step.source(0),
                            null,
                            e.getMessage(),
                            null,
                            "Use the variable fewer times, or give it a shorter value.",
                            null,
                            null,
                            null,
                            "interpolation limit"),
                    null);
        }
    }

    /**
     * A bare {@code \g} or {@code \gx}: psql runs its previous query again when nothing is typed
     * before it (and prints nothing when there was none).
     */
    private StatementResult runAgain(Step step, String previousQuery) {
        if (previousQuery == null) {
            QuerySending.Refusal refusal = QuerySending.refusal(step.piece().text());
            return new StatementResult.Meta(
                    step.source(0), step.piece().text(), refusal == null ? "" : refusal.message(), refusal != null);
        }
        return runSent(step.again(previousQuery), previousQuery);
    }

    /** A statement ended by a semicolon or by {@code \g}, {@code \gx}: {@code sql} with its variables interpolated. */
    private StatementResult runSent(Step step, String sql) {
        String sentBy = step.piece().sentBy();
        if (sentBy != null) {
            QuerySending.Refusal refusal = QuerySending.refusal(sentBy);
            if (refusal != null) {
                return new StatementResult.Meta(step.source(0), sentBy, refusal.message(), true);
            }
            if (QuerySending.expanded(sentBy)) {
                // \gx: expanded for this one query, whatever \x says
                return runSql(step.withSettings(step.settings().withExpanded(true)), sql);
            }
        }
        return runSql(step, sql);
    }

    private StatementResult runSql(Step step, String sql) {
        if (CopyStatements.isCopy(step.piece(), sql)) {
            return CopyStatements.run(step, sql);
        }
        Optional<String> asJson = plans.asJson(sql);
        String sent = asJson.orElse(sql);
        SandboxConnection.Execution execution =
                step.connection().execute(sent, step.timeout(), step.limits().maxNotices());
        StatementResult.Source source =
                step.timedSource(execution.notices(), execution.moreNotices(), execution.nanos());
        if (execution.error() != null) {
            return step.error(sent, source, execution.error(), execution.timedOut());
        }
        Optional<String> json = asJson.isPresent() ? execution.firstColumnJoined() : Optional.empty();
        if (json.isPresent()) {
            PlanHandler.Rendered plan = plans.render(json.get());
            return new StatementResult.Plan(source, plan.text(), plan.tree(), plan.planningMs(), plan.executionMs());
        }
        if (execution.hasColumns()) {
            return rows(source, execution, step);
        }
        return new StatementResult.Command(source, execution.tag() == null ? "" : execution.tag());
    }

    /**
     * A result set; when \x or \pset make psql print it otherwise than as the page's table, also
     * as the text psql prints.
     */
    private StatementResult rows(StatementResult.Source source, SandboxConnection.Execution execution, Step step) {
        List<StatementResult.Column> columns = execution.columns();
        List<List<String>> rows = execution.rows(step.limits().maxRowsShown());
        long most = step.limits().maxResultBytes();
        String text = step.settings().defaultLayout()
                ? null
                : meta.layout(columns, rows, step.settings(), most)
                        .orElse("Laid out as psql prints it under your \\x and \\pset settings, this result would be "
                                + "larger than " + (most / (1024 * 1024)) + " MB, the most one statement may return in "
                                + "the lab (result size limit). Select fewer or narrower columns, or fewer rows.");
        long rowCount = execution.rowCount();
        return new StatementResult.Rows(source, columns, rows, rowCount, rowCount > rows.size(), execution.tag(), text);
    }
}
