package org.netverks.lab.run;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * COPY with the learner's own rows ({@code FROM stdin}, the lines below it up to {@code \.}) or to
 * the result pane ({@code TO STDOUT}), as a psql script does, and psql's {@code \copy} in the same
 * two forms.
 */
final class CopyStatements {

    private static final Pattern COPY_TO_STDOUT = Pattern.compile("(?is)\\s*copy\\s.*\\sto\\s+stdout\\b.*");
    private static final Pattern BACKSLASH_COPY = Pattern.compile("(?s)\\\\copy(\\s.*)?");
    private static final Pattern TO_STDOUT = Pattern.compile("(?is).*\\sto\\s+p?stdout\\b.*");
    private static final Pattern PSTDIO = Pattern.compile("(?i)\\bp(stdin|stdout)\\b");

    private CopyStatements() {}

    /** True for a COPY that moves rows between the script (or the result pane) and the server. */
    static boolean isCopy(SqlScript.Piece piece, String sql) {
        return piece.copyData() != null || COPY_TO_STDOUT.matcher(sql).matches();
    }

    static boolean isBackslashCopy(SqlScript.Piece piece) {
        return piece.metaCommand() && BACKSLASH_COPY.matcher(piece.text()).matches();
    }

    /**
     * Runs {@code sql} (the step's statement, its variables interpolated) through the driver's copy
     * API: {@code FROM stdin} answers psql's tag ("COPY 3"), and errors and limits read as for any
     * statement.
     */
    static StatementResult run(Step step, String sql) {
        SqlScript.Piece piece = step.piece();
        boolean in = piece.copyData() != null;
        SandboxConnection.CopyRun copy = in
                ? step.connection().copyIn(sql, piece.copyData(), step.timeout())
                : step.connection().copyOut(sql, step.timeout(), step.limits().maxResultBytes());
        StatementResult.Source source = step.timedSource(java.util.List.of(), 0, copy.nanos());
        if (copy.tooLarge()) {
            return step.resultTooLarge(source);
        }
        if (copy.error() != null) {
            return withCopyContext(step.error(sql, source, copy.error(), copy.timedOut()), copy.error());
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
    static StatementResult runBackslashCopy(Step step) {
        SqlScript.Piece piece = step.piece();
        String arguments = piece.text().substring("\\copy".length()).strip().replaceAll(";+$", "");
        if (piece.copyData() == null && !TO_STDOUT.matcher(" " + arguments).matches()) {
            return new StatementResult.Meta(
                    step.source(0),
                    piece.text(),
                    "\\copy to or from a file is not supported in the lab: it reads and writes files on your own "
                            + "computer. Put the rows below COPY … FROM stdin (ending with a line \\.), or use "
                            + "COPY … TO STDOUT.",
                    true);
        }
        String sql = "COPY " + PSTDIO.matcher(arguments).replaceAll("$1");
        return run(step.withPiece(new SqlScript.Piece(sql, piece.offset(), false, piece.copyData())), sql);
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
}
