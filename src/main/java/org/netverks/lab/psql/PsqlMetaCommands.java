package org.netverks.lab.psql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The psql backslash commands of the SQL lab. Each one reads the catalogs with parameterised
 * queries on the learner's own connection, as the learner's role, and changes nothing in the
 * session: no SET, and inside an open transaction its queries run under a savepoint so that an
 * error (a broken pattern, say) cannot abort the learner's transaction.
 */
public final class PsqlMetaCommands {

    public PsqlMetaCommands() {}

    /** True when the line is a backslash command (first non-blank char is '\'). */
    public static boolean isMetaCommand(String line) {
        return line != null && line.strip().startsWith("\\");
    }

    /** Runs one meta-command line (e.g. "\d+ customers", "\dt", "\x", "\x on") on the learner's connection. */
    public MetaOutcome run(String commandLine, Connection connection, ConnectionInfo info, PsqlSettings settings)
            throws SQLException {
        if (!isMetaCommand(commandLine)) {
            throw new IllegalArgumentException("not a backslash command: " + commandLine);
        }
        try {
            MetaCommandLine line = MetaCommandLine.parse(commandLine);
            if (line.followedByCommand()) {
                return new MetaOutcome.Failure("Type one backslash command per line in the lab.");
            }
            Optional<MetaOutcome> local = runLocal(line, info, settings);
            if (local.isPresent()) {
                return local.get();
            }
            Optional<CatalogCommand> command = CatalogCommand.named(line.name());
            if (command.isEmpty()) {
                return new MetaOutcome.Failure(
                        "\\" + line.name() + " is not supported in the lab. Type \\? for the commands you can use.");
            }
            return withSavepoint(
                    connection, () -> runOnCatalogs(command.get(), line, connection, info.database(), settings));
        } catch (MetaCommandException e) {
            return new MetaOutcome.Failure(e.getMessage());
        } catch (PSQLException e) {
            ServerErrorMessage server = e.getServerErrorMessage();
            if (server == null) {
                throw e; // the connection itself failed: the caller's problem, not a psql message
            }
            return new MetaOutcome.Failure(psqlError(server));
        }
    }

    /** Commands that need no database, so they work even in a failed transaction, as in psql. */
    private static Optional<MetaOutcome> runLocal(MetaCommandLine line, ConnectionInfo info, PsqlSettings settings) {
        return Optional.ofNullable(
                switch (line.name()) {
                    case "?" -> withWarnings(new MetaOutcome.Text(Help.text(settings)), line, 1);
                    case "x" -> withWarnings(DisplaySettings.expanded(line.pattern(0), settings), line, 1);
                    case "timing" -> withWarnings(DisplaySettings.timing(line.argument(0), settings), line, 1);
                    case "conninfo" -> withWarnings(new MetaOutcome.Text(ConnInfo.describe(info)), line, 0);
                    default -> null;
                });
    }

    /** The commands that read catalogs. psql reads the letters after \\d loosely (\\dt+S, \\d+S); so do we. */
    private enum CatalogCommand {
        DESCRIBE_OR_LIST("d|d[S+].*"),
        LIST_RELATIONS("d[tivms][tivmsS+;]*"),
        LIST_FUNCTIONS("df[S+]*"),
        LIST_SCHEMAS("dn[S+]*");

        private final Pattern name;

        CatalogCommand(String name) {
            this.name = Pattern.compile(name);
        }

        static Optional<CatalogCommand> named(String name) {
            return Arrays.stream(values())
                    .filter(command -> command.name.matcher(name).matches())
                    .findFirst();
        }
    }

    private static MetaOutcome runOnCatalogs(
            CatalogCommand command, MetaCommandLine line, Connection connection, String database, PsqlSettings settings)
            throws SQLException {
        String name = line.name();
        boolean verbose = name.contains("+");
        boolean showSystem = name.contains("S");
        Optional<String> pattern = line.pattern(0);
        String output =
                switch (command) {
                    case DESCRIBE_OR_LIST ->
                        pattern.isPresent()
                                ? RelationDescriber.describe(connection, pattern.get(), verbose, database, settings)
                                : RelationList.list(connection, "", pattern, verbose, showSystem, database, settings);
                    case LIST_RELATIONS ->
                        RelationList.list(
                                connection, name.substring(1), pattern, verbose, showSystem, database, settings);
                    case LIST_FUNCTIONS -> {
                        if (line.arguments().size() > 1) {
                            throw new MetaCommandException(
                                    "\\df with argument type patterns is not supported in the lab.");
                        }
                        yield FunctionList.list(connection, pattern, verbose, showSystem, database, settings);
                    }
                    case LIST_SCHEMAS -> SchemaList.list(connection, pattern, verbose, showSystem, database, settings);
                };
        return withWarnings(new MetaOutcome.Text(output), line, 1);
    }

    /**
     * psql warns about arguments a command ignored, after its output (not after an error). Tables
     * and help end with an empty line in psql, so the warnings come after that line.
     */
    private static MetaOutcome withWarnings(MetaOutcome outcome, MetaCommandLine line, int argumentsUsed) {
        String warnings = String.join("\n", line.extraArgumentWarnings(argumentsUsed));
        if (warnings.isEmpty()) {
            return outcome;
        }
        if (outcome instanceof MetaOutcome.Text text) {
            String separator = line.name().equals("conninfo") ? "\n" : "\n\n";
            return new MetaOutcome.Text(text.text() + separator + warnings);
        }
        if (outcome instanceof MetaOutcome.SettingChanged changed) {
            return new MetaOutcome.SettingChanged(changed.settings(), changed.message() + "\n" + warnings);
        }
        return outcome;
    }

    private interface CatalogWork {
        MetaOutcome run() throws SQLException;
    }

    private static MetaOutcome withSavepoint(Connection connection, CatalogWork work) throws SQLException {
        if (connection.getAutoCommit()) {
            return work.run();
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            MetaOutcome outcome = work.run();
            connection.releaseSavepoint(savepoint);
            return outcome;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            throw e;
        }
    }

    /** A server error as psql prints it: "ERROR:  message", then any detail and hint. */
    private static String psqlError(ServerErrorMessage server) {
        StringBuilder message =
                new StringBuilder(server.getSeverity()).append(":  ").append(server.getMessage());
        if (server.getDetail() != null) {
            message.append("\nDETAIL:  ").append(server.getDetail());
        }
        if (server.getHint() != null) {
            message.append("\nHINT:  ").append(server.getHint());
        }
        return message.toString();
    }
}
