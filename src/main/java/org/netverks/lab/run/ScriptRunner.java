package org.netverks.lab.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.netverks.lab.shared.DisplaySettings;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a learner's script statement by statement, like psql: every statement gets its own
 * result, an error does not stop the ones after it, and every lab limit that stops something
 * says so in plain words. At the end the session is put back as it was: an open transaction is
 * rolled back and the session state discarded.
 */
public final class ScriptRunner {

    private static final Pattern COPY_TO_STDOUT = Pattern.compile("(?is)\\s*copy\\s.*\\sto\\s+stdout\\b.*");
    private static final Pattern BACKSLASH_COPY = Pattern.compile("(?s)\\\\copy(\\s.*)?");
    private static final Pattern TO_STDOUT = Pattern.compile("(?is).*\\sto\\s+p?stdout\\b.*");
    private static final Pattern PSTDIO = Pattern.compile("(?i)\\bp(stdin|stdout)\\b");

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
            if (!connection.usable()) {
                messages.add(
                        "The connection to your sandbox was closed (for example by SET client_encoding or "
                                + "a result that was too large); the statements after that did not run. Run again to reconnect.");
                break;
            }
            Duration timeout =
                    Duration.ofNanos(Math.min(limits.statementTimeout().toNanos(), remaining));
            boolean runLimit = timeout.compareTo(limits.statementTimeout()) < 0;
            if (piece.metaCommand() && BACKSLASH_COPY.matcher(piece.text()).matches()) {
                results.add(runBackslashCopy(script, piece, connection, settings, limits, timeout, runLimit));
            } else if (piece.metaCommand()) {
                MetaRun metaRun = runMeta(piece, connection, settings, limits, timeout, runLimit);
                results.add(metaRun.result());
                settings = metaRun.settings();
            } else {
                results.add(runSql(script, piece, connection, settings, limits, timeout, runLimit));
            }
        }
        if (connection.usable() && connection.inTransaction()) {
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
    private MetaRun runMeta(
            SqlScript.Piece piece,
            SandboxConnection connection,
            DisplaySettings settings,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        long start = System.nanoTime();
        try {
            MetaCommandHandler.Printed printed = meta.runMetaCommand(piece.text(), connection, settings, timeout);
            StatementResult.Source source = source(piece, List.of(), 0, System.nanoTime() - start);
            return new MetaRun(
                    new StatementResult.Meta(source, piece.text(), printed.text(), printed.failed()),
                    printed.settings());
        } catch (SandboxConnection.TimedOut e) {
            StatementResult.Source source = source(piece, List.of(), 0, System.nanoTime() - start);
            return new MetaRun(stopped(source, limits, timeout, runLimit), settings);
        } catch (SQLException e) {
            StatementResult.Source source = source(piece, List.of(), 0, System.nanoTime() - start);
            return new MetaRun(new StatementResult.Meta(source, piece.text(), e.getMessage(), true), settings);
        }
    }

    private StatementResult runSql(
            String script,
            SqlScript.Piece piece,
            SandboxConnection connection,
            DisplaySettings settings,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        if (piece.copyData() != null || COPY_TO_STDOUT.matcher(piece.text()).matches()) {
            return runCopy(script, piece, connection, settings, limits, timeout, runLimit);
        }
        Optional<String> asJson = plans.asJson(piece.text());
        String sent = asJson.orElse(piece.text());
        SandboxConnection.Execution execution = connection.execute(sent, timeout, limits.maxNotices());
        StatementResult.Source source =
                timedSource(piece, execution.notices(), execution.moreNotices(), execution.nanos(), settings);
        if (execution.error() != null) {
            return error(
                    script, piece, sent, source, execution.error(), execution.timedOut(), limits, timeout, runLimit);
        }
        Optional<String> json = asJson.isPresent() ? execution.firstColumnJoined() : Optional.empty();
        if (json.isPresent()) {
            PlanHandler.Rendered plan = plans.render(json.get());
            return new StatementResult.Plan(source, plan.text(), plan.tree(), plan.planningMs(), plan.executionMs());
        }
        if (execution.hasColumns()) {
            return rows(source, execution, limits, settings.expanded() ? meta : null);
        }
        return new StatementResult.Command(source, execution.tag() == null ? "" : execution.tag());
    }

    /**
     * COPY with the learner's own rows ({@code FROM stdin}, the lines below it up to {@code \.}) or to
     * the result pane ({@code TO STDOUT}), as a psql script does: the rows go through the driver's
     * copy API, {@code FROM stdin} answers psql's tag ("COPY 3"), and errors and limits read as for
     * any statement.
     */
    private static StatementResult runCopy(
            String script,
            SqlScript.Piece piece,
            SandboxConnection connection,
            DisplaySettings settings,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        boolean in = piece.copyData() != null;
        SandboxConnection.CopyRun copy = in
                ? connection.copyIn(piece.text(), piece.copyData(), timeout)
                : connection.copyOut(piece.text(), timeout, limits.maxResultBytes());
        StatementResult.Source source = timedSource(piece, List.of(), 0, copy.nanos(), settings);
        if (copy.tooLarge()) {
            return resultTooLarge(source, limits);
        }
        if (copy.error() != null) {
            StatementResult failed = error(
                    script, piece, piece.text(), source, copy.error(), copy.timedOut(), limits, timeout, runLimit);
            return withCopyContext(failed, copy.error());
        }
        if (in) {
            return new StatementResult.Command(source, "COPY " + copy.rows());
        }
        // psql prints no "COPY n" after rows sent to its own output: the tag would read as one more row
        return new StatementResult.Meta(source, piece.text(), copy.text(), false);
    }

    /**
     * psql's {@code \\copy} with the rows below it ({@code from stdin}) or to the output ({@code to
     * stdout}) is the same as SQL's COPY through the connection, and runs as one. To or from a file,
     * it would read the learner's own computer, which the lab cannot reach: it says so, and what to
     * write instead.
     */
    private static StatementResult runBackslashCopy(
            String script,
            SqlScript.Piece piece,
            SandboxConnection connection,
            DisplaySettings settings,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        String arguments = piece.text().substring("\\copy".length()).strip().replaceAll(";+$", "");
        if (piece.copyData() == null && !TO_STDOUT.matcher(" " + arguments).matches()) {
            StatementResult.Source source = source(piece, List.of(), 0, 0);
            return new StatementResult.Meta(
                    source,
                    piece.text(),
                    "\\copy to or from a file is not supported in the lab: it reads and writes files on your own "
                            + "computer. Put the rows below COPY … FROM stdin (ending with a line \\.), or use "
                            + "COPY … TO STDOUT.",
                    true);
        }
        String sql = "COPY " + PSTDIO.matcher(arguments).replaceAll("$1");
        return runCopy(
                script,
                new SqlScript.Piece(sql, piece.offset(), false, piece.copyData()),
                connection,
                settings,
                limits,
                timeout,
                runLimit);
    }

    /** A bad row says where it is ("COPY t, line 2, column id: …"), as psql shows under the error. */
    private static StatementResult withCopyContext(StatementResult failed, SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String where = server == null ? null : server.getWhere();
        if (!(failed instanceof StatementResult.Error e) || where == null || !where.startsWith("COPY ")) {
            return failed;
        }
        String detail = e.detail() == null ? where : e.detail() + "\n" + where;
        return new StatementResult.Error(
                e.source(), e.sqlstate(), e.message(), detail, e.hint(), e.position(), e.line(), e.column(), e.limit());
    }

    /** A result set; with {@code expandedLayout} (\x on) also as psql's expanded text. */
    private static StatementResult rows(
            StatementResult.Source source,
            SandboxConnection.Execution execution,
            RunLimits limits,
            MetaCommandHandler expandedLayout) {
        List<StatementResult.Column> columns = execution.columns();
        List<List<String>> rows = execution.rows(limits.maxRowsShown());
        String text = expandedLayout == null ? null : expandedLayout.expanded(columns, rows);
        long rowCount = execution.rowCount();
        return new StatementResult.Rows(source, columns, rows, rowCount, rowCount > rows.size(), execution.tag(), text);
    }

    private static StatementResult error(
            String script,
            SqlScript.Piece piece,
            String sent,
            StatementResult.Source source,
            SQLException error,
            boolean timedOut,
            RunLimits limits,
            Duration timeout,
            boolean runLimit) {
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (timedOut) {
            return stopped(source, limits, timeout, runLimit);
        }
        if (server == null) {
            String text = String.valueOf(error.getMessage());
            if (text.contains("maxResultBuffer")) {
                return resultTooLarge(source, limits);
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

    private static StatementResult.Error resultTooLarge(StatementResult.Source source, RunLimits limits) {
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

    /** A statement (or meta-command) stopped by the lab's timer, naming the limit that stopped it. */
    private static StatementResult.Error stopped(
            StatementResult.Source source, RunLimits limits, Duration timeout, boolean runLimit) {
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

    /** A SQL statement's source, timed when {@code \timing} is on at that point of the script. */
    private static StatementResult.Source timedSource(
            SqlScript.Piece piece,
            List<StatementResult.Notice> notices,
            long moreNotices,
            long nanos,
            DisplaySettings settings) {
        return new StatementResult.Source(
                piece.offset(), piece.text().length(), notices, moreNotices, nanos / 1e6, settings.timing());
    }

    private static StatementResult.Source source(
            SqlScript.Piece piece, List<StatementResult.Notice> notices, long moreNotices, long nanos) {
        return new StatementResult.Source(
                piece.offset(), piece.text().length(), notices, moreNotices, nanos / 1e6, false);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
