package org.netverks.lab.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.netverks.lab.shared.DisplaySettings;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One statement or meta-command of a run and everything it runs under: the script it sits in
 * (error positions count in it), the learner's connection, the settings in force at that point of
 * the script, the lab's limits and the time this statement may take ({@code runLimit}: bounded by
 * what is left of the run's time rather than by the statement time limit). {@code again}: the
 * piece is the previous query, run again by a bare {@code \g} (its {@code sentBy}); it is not in
 * the script there, so the result points at the {@code \g} and an error has no position.
 */
record Step(
        String script,
        SqlScript.Piece piece,
        SandboxConnection connection,
        DisplaySettings settings,
        RunLimits limits,
        Duration timeout,
        boolean runLimit,
        boolean again) {

    Step withPiece(SqlScript.Piece other) {
        return new Step(script, other, connection, settings, limits, timeout, runLimit, again);
    }

    Step withSettings(DisplaySettings other) {
        return new Step(script, piece, connection, other, limits, timeout, runLimit, again);
    }

    /** The previous query {@code sql}, sent again by this step's bare {@code \g}. */
    Step again(String sql) {
        SqlScript.Piece previous = new SqlScript.Piece(sql, piece.offset(), false, null, piece.text());
        return new Step(script, previous, connection, settings, limits, timeout, runLimit, true);
    }

    /** A SQL statement's source, timed when {@code \timing} is on at that point of the script. */
    StatementResult.Source timedSource(List<StatementResult.Notice> notices, long moreNotices, long nanos) {
        return new StatementResult.Source(
                piece.offset(), length(), notices, moreNotices, nanos / 1e6, settings.timing());
    }

    /** A meta-command's source: psql times SQL statements only. */
    StatementResult.Source source(long nanos) {
        return new StatementResult.Source(piece.offset(), length(), List.of(), 0, nanos / 1e6, false);
    }

    private int length() {
        return again ? piece.sentBy().length() : piece.span();
    }

    /**
     * A failed statement: PostgreSQL's fields with the error position mapped back to the script,
     * or the lab limit that stopped it. {@code sent} is what went to the server (the statement
     * with its variables interpolated, or rewritten for EXPLAIN).
     */
    StatementResult error(String sent, StatementResult.Source source, SQLException error, boolean timedOut) {
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (timedOut) {
            return stopped(source);
        }
        if (server == null) {
            String text = String.valueOf(error.getMessage());
            if (text.contains("maxResultBuffer")) {
                return resultTooLarge(source);
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
        if (server.getPosition() > 0 && !again) {
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

    StatementResult.Error resultTooLarge(StatementResult.Source source) {
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
    StatementResult.Error stopped(StatementResult.Source source) {
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

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
