package org.netverks.lab.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netverks.content.Dataset;
import org.netverks.content.DatasetSql;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a dataset's scripts into the database being loaded, on a connection already acting as the
 * dataset's owner. Plain statements between two COPY blocks go to the server as one execute (a
 * 4,000-row INSERT file stays one round trip), except those PostgreSQL runs only outside a
 * transaction block (VACUUM, … CONCURRENTLY), which go alone; the rows of a
 * {@code COPY … FROM stdin} block go through PgJDBC's copy API. A failure names the file, its line and PostgreSQL's message.
 */
final class DatasetScriptRunner {

    /** PostgreSQL's CONTEXT for a bad COPY row: "COPY members, line 12, column memid: …". */
    private static final Pattern COPY_CONTEXT = Pattern.compile("^COPY [^\\n]*?, line (\\d+)");

    /**
     * Statements PostgreSQL refuses inside a transaction block, which is what a batch of statements
     * sent together is: each is sent on its own. Leading comments and blank lines are skipped.
     */
    private static final Pattern ALONE = Pattern.compile(
            "^(?:\\s+|--[^\\n]*\\n|/\\*.*?\\*/)*(?:vacuum|reindex|(?:create|drop)\\s+(?:unique\\s+)?index\\s+concurrently)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private DatasetScriptRunner() {}

    static void run(Connection connection, Dataset dataset) throws SQLException {
        for (Dataset.Script script : dataset.scripts()) {
            // Each file starts where the dataset says names live (pg_dump's header empties it).
            List<String> schemas = dataset.searchPath().stream()
                    .map(Secrets::checkedIdentifier)
                    .toList();
            execute(connection, "set search_path to " + String.join(", ", schemas));
            run(connection, script);
        }
        execute(connection, "reset search_path"); // what runs after the scripts sees the server's default
    }

    private static void run(Connection connection, Dataset.Script script) throws SQLException {
        DatasetSql parsed = DatasetSql.split(script.sql());
        if (!parsed.problems().isEmpty()) {
            DatasetSql.Problem problem = parsed.problems().get(0);
            throw new DatasetLoadException(script.file(), problem.line(), problem.message(), null);
        }
        List<DatasetSql.Statement> pending = new ArrayList<>();
        for (DatasetSql.Part part : parsed.parts()) {
            if (part instanceof DatasetSql.Statement statement
                    && ALONE.matcher(statement.sql()).find()) {
                statements(connection, script.file(), pending);
                pending.clear();
                statements(connection, script.file(), List.of(statement));
            } else if (part instanceof DatasetSql.Statement statement) {
                pending.add(statement);
            } else if (part instanceof DatasetSql.Copy copy) {
                statements(connection, script.file(), pending);
                pending.clear();
                copy(connection, script.file(), copy);
            }
        }
        statements(connection, script.file(), pending);
    }

    /**
     * Sent together, which PostgreSQL runs as one implicit transaction: when one fails, none took
     * effect, so they are run again one by one to find the failing statement and its line.
     */
    private static void statements(Connection connection, String file, List<DatasetSql.Statement> statements)
            throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        statements.forEach(statement -> sql.append(statement.sql()).append('\n'));
        try {
            execute(connection, sql.toString());
        } catch (SQLException together) {
            for (DatasetSql.Statement statement : statements) {
                try {
                    execute(connection, statement.sql());
                } catch (SQLException alone) {
                    throw failure(file, statement.line() + linesBefore(statement.sql(), alone), alone);
                }
            }
            // not reproduced alone (the scripts changed transaction state themselves, say)
            DatasetLoadException failure = failure(file, statements.get(0).line(), together);
            throw new DatasetLoadException(
                    file, failure.line(), failure.error() + " (in the statements from this line on)", together);
        }
    }

    private static void copy(Connection connection, String file, DatasetSql.Copy copy) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.sql(), new StringReader(copy.data()));
        } catch (SQLException e) {
            ServerErrorMessage server = serverMessage(e);
            Matcher row = COPY_CONTEXT.matcher(server == null || server.getWhere() == null ? "" : server.getWhere());
            throw failure(file, row.find() ? copy.fileLine(Integer.parseInt(row.group(1))) : copy.line(), e);
        } catch (IOException e) {
            throw new DatasetLoadException(file, copy.line(), "could not send the COPY rows: " + e.getMessage(), e);
        }
    }

    /** How many lines into the statement PostgreSQL's error position is (0 when it gives none). */
    private static int linesBefore(String sql, SQLException e) {
        ServerErrorMessage server = serverMessage(e);
        int position = server == null ? 0 : server.getPosition();
        if (position < 1 || position > sql.length()) {
            return 0;
        }
        return (int)
                sql.substring(0, position - 1).chars().filter(c -> c == '\n').count();
    }

    private static DatasetLoadException failure(String file, int line, SQLException e) {
        ServerErrorMessage server = serverMessage(e);
        if (server == null) {
            return new DatasetLoadException(file, line, String.valueOf(e.getMessage()), e);
        }
        StringBuilder error = new StringBuilder(server.getSeverity() + ": " + server.getMessage());
        if (server.getDetail() != null) {
            error.append(" DETAIL: ").append(server.getDetail());
        }
        if (server.getHint() != null) {
            error.append(" HINT: ").append(server.getHint());
        }
        if (server.getWhere() != null) {
            error.append(" (").append(server.getWhere().replace("\n", "; ")).append(')');
        }
        return new DatasetLoadException(file, line, error.toString(), e);
    }

    /** PostgreSQL's own report, wherever the driver put it in the chain. */
    private static ServerErrorMessage serverMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
