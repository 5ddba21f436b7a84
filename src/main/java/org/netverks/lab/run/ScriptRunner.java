package org.netverks.lab.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.postgresql.core.Field;
import org.postgresql.core.TransactionState;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a learner's script statement by statement, like psql: every statement gets its own
 * result, an error does not stop the ones after it, and every lab limit that stops something
 * says so in plain words. At the end the session is put back as it was: an open transaction is
 * rolled back and the session state discarded.
 */
public final class ScriptRunner {

    private final MetaCommandHandler meta;
    private final PlanHandler plans;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "lab-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    public ScriptRunner(MetaCommandHandler meta, PlanHandler plans) {
        this.meta = meta;
        this.plans = plans;
    }

    /** Everything a run produced: one result per statement, messages about the run as a whole, the settings after it. */
    public record Outcome(List<StatementResult> results, List<String> messages, RunSettings settings) {}

    public Outcome run(String script, SandboxSession session, RunSettings settings, RunLimits limits) {
        List<StatementResult> results = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        long deadline = System.nanoTime() + limits.runTimeout().toNanos();
        List<SqlScript.Piece> pieces = SqlScript.split(script);
        for (int i = 0; i < pieces.size(); i++) {
            SqlScript.Piece piece = pieces.get(i);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                messages.add("Stopped: the run reached the lab's run time limit of " + seconds(limits.runTimeout())
                        + " for all statements together; " + (pieces.size() - i) + " statement(s) did not run.");
                break;
            }
            if (!session.usable()) {
                messages.add(
                        "The connection to your sandbox was closed (for example by SET client_encoding or "
                                + "a result that was too large); the statements after that did not run. Run again to reconnect.");
                break;
            }
            if (piece.metaCommand()) {
                MetaRun metaRun = runMeta(piece, session, settings);
                results.add(metaRun.result());
                settings = metaRun.settings();
            } else {
                Duration timeout =
                        Duration.ofNanos(Math.min(limits.statementTimeout().toNanos(), remaining));
                boolean runLimit = timeout.compareTo(limits.statementTimeout()) < 0;
                results.add(runSql(script, piece, session, settings, limits, timeout, runLimit));
            }
        }
        if (session.usable() && session.transactionState() != TransactionState.IDLE) {
            messages.add("Your open transaction was rolled back when the run ended: each run starts afresh, "
                    + "so finish a transaction with COMMIT in the same run.");
        }
        return new Outcome(results, messages, settings);
    }

    /**
     * Rolls back what the run left open and discards session state (SETs, LISTEN, temporary
     * tables), so that every run starts afresh. A run of plain queries changed nothing to discard
     * (short of calling set_config, which affects only the learner's own session), so it skips
     * the extra round trip.
     */
    public void cleanUp(SandboxSession session, Outcome outcome) {
        if (!session.usable()) {
            return;
        }
        if (session.transactionState() != TransactionState.IDLE) {
            session.runQuietly("rollback", timer);
        }
        boolean onlyQueries = outcome.results().stream()
                .allMatch(result -> result instanceof StatementResult.Rows rows
                        && rows.tag() != null
                        && rows.tag().startsWith("SELECT"));
        if (!onlyQueries) {
            session.runQuietly("discard all", timer);
        }
    }

    /**
     * The plan of one statement as EXPLAIN's JSON, without running it; empty when the statement
     * cannot be explained (a meta-command, a utility statement) or planning fails.
     */
    public Optional<String> explainJson(SandboxSession session, String statement, Duration timeout) {
        SandboxSession.Execution execution = session.execute("explain (format json) " + statement, timeout, 0, timer);
        if (execution.error() != null
                || execution.tuples() == null
                || execution.tuples().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder json = new StringBuilder();
        execution.tuples().forEach(tuple -> json.append(session.text(tuple.get(0))));
        return Optional.of(json.toString());
    }

    /** Rolls back a transaction the script left open, keeping the session's other state. */
    public void rollbackOpenTransaction(SandboxSession session) {
        if (session.usable() && session.transactionState() != TransactionState.IDLE) {
            session.runQuietly("rollback", timer);
        }
    }

    private record MetaRun(StatementResult result, RunSettings settings) {}

    private MetaRun runMeta(SqlScript.Piece piece, SandboxSession session, RunSettings settings) {
        long start = System.nanoTime();
        try {
            MetaCommandHandler.Outcome outcome = meta.run(piece.text(), session, settings);
            StatementResult.Source source = source(piece, List.of(), 0, System.nanoTime() - start);
            return new MetaRun(
                    new StatementResult.Meta(source, piece.text(), outcome.text(), outcome.failed()),
                    outcome.settings());
        } catch (SQLException e) {
            StatementResult.Source source = source(piece, List.of(), 0, System.nanoTime() - start);
            return new MetaRun(new StatementResult.Meta(source, piece.text(), e.getMessage(), true), settings);
        }
    }

    private StatementResult runSql(
            String script,
            SqlScript.Piece piece,
            SandboxSession session,
            RunSettings settings,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        Optional<String> asJson = plans.asJson(piece.text());
        String sent = asJson.orElse(piece.text());
        SandboxSession.Execution execution = session.execute(sent, timeout, limits.maxNotices(), timer);
        List<StatementResult.Notice> notices = execution.notices().stream()
                .map(w -> new StatementResult.Notice(SandboxSession.severity(w), SandboxSession.message(w)))
                .toList();
        StatementResult.Source source = source(piece, notices, execution.moreNotices(), execution.nanos());
        if (execution.error() != null) {
            return error(script, piece, sent, source, execution, limits, timeout, runLimit);
        }
        if (asJson.isPresent()
                && execution.tuples() != null
                && !execution.tuples().isEmpty()) {
            String json =
                    execution.tuples().stream().map(t -> session.text(t.get(0))).reduce("", String::concat);
            PlanHandler.Rendered plan = plans.render(json);
            return new StatementResult.Plan(source, plan.text(), plan.tree(), plan.planningMs(), plan.executionMs());
        }
        if (execution.fields() != null) {
            return rows(source, execution, session, limits, settings.expanded() ? meta : null);
        }
        return new StatementResult.Command(source, execution.tag() == null ? "" : execution.tag());
    }

    /** A result set; with {@code expandedLayout} (\x on) also as psql's expanded text. */
    private static StatementResult rows(
            StatementResult.Source source,
            SandboxSession.Execution execution,
            SandboxSession session,
            RunLimits limits,
            MetaCommandHandler expandedLayout) {
        List<StatementResult.Column> columns = new ArrayList<>();
        for (Field field : execution.fields()) {
            columns.add(new StatementResult.Column(field.getColumnLabel(), session.typeName(field)));
        }
        List<Tuple> tuples = execution.tuples() == null ? List.of() : execution.tuples();
        List<List<String>> rows = new ArrayList<>();
        for (Tuple tuple : tuples.subList(0, Math.min(tuples.size(), limits.maxRowsShown()))) {
            List<String> row = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                row.add(session.text(tuple.get(c)));
            }
            rows.add(row);
        }
        String text = expandedLayout == null ? null : expandedLayout.expanded(columns, rows);
        return new StatementResult.Rows(
                source, columns, rows, tuples.size(), tuples.size() > rows.size(), execution.tag(), text);
    }

    private static StatementResult error(
            String script,
            SqlScript.Piece piece,
            String sent,
            StatementResult.Source source,
            SandboxSession.Execution execution,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        SQLException error = execution.error();
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (execution.timedOut()) {
            String limit = runLimit ? "run time limit" : "statement time limit";
            String message = runLimit
                    ? "Stopped: the run reached the lab's limit of " + seconds(limits.runTimeout())
                            + " for all its statements together (run time limit)."
                    : "Stopped after " + seconds(timeout) + ": a statement may run for at most "
                            + seconds(limits.statementTimeout()) + " in the lab (statement time limit).";
            return new StatementResult.Error(
                    source,
                    "57014",
                    message,
                    null,
                    "Make the query cheaper, or work on fewer rows.",
                    null,
                    null,
                    null,
                    limit);
        }
        if (server == null) {
            String text = String.valueOf(error.getMessage());
            if (text.contains("maxResultBuffer")) {
                return new StatementResult.Error(
                        source,
                        null,
                        "Stopped: the result is larger than "
                                + (limits.maxResultBytes() / (1024 * 1024))
                                + " MB, the most one statement may return in the lab "
                                + "(result size limit).",
                        null,
                        "Select fewer rows or columns, for example with WHERE or LIMIT.",
                        null,
                        null,
                        null,
                        "result size limit");
            }
            return new StatementResult.Error(
                    source,
                    error.getSQLState(),
                    "The connection to your sandbox failed: " + text,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        if ("53200".equals(server.getSQLState()) && limits.memoryPerSessionBytes() > 0) {
            // PostgreSQL's own words ("out of memory") do not say that a lab limit was reached
            return new StatementResult.Error(
                    source,
                    "53200",
                    "Your statement ran out of memory: each sandbox session " + "may use at most "
                            + (limits.memoryPerSessionBytes() / (1024 * 1024)) + " MB (memory limit).",
                    server.getDetail(),
                    "Sort, group or aggregate fewer rows (for example with WHERE or LIMIT), and "
                            + "leave work_mem at its default so that PostgreSQL spills to disk instead.",
                    null,
                    null,
                    null,
                    "memory");
        }
        Integer position = null;
        Integer line = null;
        Integer column = null;
        if (server.getPosition() > 0) {
            int inSent = sent.offsetByCodePoints(
                    0, Math.min(server.getPosition() - 1, sent.codePointCount(0, sent.length())));
            int inPiece = mapBack(piece.text(), sent, inSent);
            position = piece.offset() + inPiece;
            line = 1;
            int lineStart = 0;
            for (int i = 0; i < position; i++) {
                if (script.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            column = position - lineStart + 1;
        }
        return new StatementResult.Error(
                source,
                server.getSQLState(),
                server.getMessage(),
                server.getDetail(),
                server.getHint(),
                position,
                line,
                column,
                null);
    }

    /** An index in the statement we sent (maybe rewritten for EXPLAIN) back to the learner's text. */
    static int mapBack(String original, String sent, int index) {
        if (original.equals(sent)) {
            return index;
        }
        int prefix = 0;
        while (prefix < original.length() && prefix < sent.length() && original.charAt(prefix) == sent.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < original.length() - prefix
                && suffix < sent.length() - prefix
                && original.charAt(original.length() - 1 - suffix) == sent.charAt(sent.length() - 1 - suffix)) {
            suffix++;
        }
        if (index < prefix) {
            return index;
        }
        if (index >= sent.length() - suffix) {
            return index - (sent.length() - original.length());
        }
        return prefix;
    }

    private static StatementResult.Source source(
            SqlScript.Piece piece, List<StatementResult.Notice> notices, long moreNotices, long nanos) {
        return new StatementResult.Source(piece.offset(), piece.text().length(), notices, moreNotices, nanos / 1e6);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
