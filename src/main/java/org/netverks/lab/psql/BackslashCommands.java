package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.netverks.lab.shared.DisplaySettings;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The psql backslash commands of the SQL lab. Each one reads the catalogs with parameterised
 * queries through a {@link CatalogReader} (in the lab: the learner's own connection, as the
 * learner's role, under the lab's time limit), and changes nothing in the session: no SET, and
 * inside an open transaction its queries run under a savepoint so that an error (a broken
 * pattern, say) cannot abort the learner's transaction.
 */
public final class BackslashCommands {

    public BackslashCommands() {}

    /** True when the line is a backslash command (first non-blank char is '\'). */
    public static boolean isMetaCommand(String line) {
        return line != null && line.strip().startsWith("\\");
    }

    /**
     * Runs one meta-command line (e.g. "\d+ customers", "\dt", "\x", "\x on"), reading the catalogs
     * through {@code catalogs}. An exception that is not PostgreSQL's answer to a catalog query (a
     * broken connection, the lab's time limit) is the caller's to report.
     */
    public MetaCommandResult perform(
            String commandLine, CatalogReader catalogs, ConnectionInfo info, DisplaySettings settings)
            throws SQLException {
        if (!isMetaCommand(commandLine)) {
            throw new IllegalArgumentException("not a backslash command: " + commandLine);
        }
        try {
            MetaCommandLine line = MetaCommandLine.parse(commandLine, settings.variables());
            if (line.followedByCommand()) {
                return new MetaCommandResult.Failure("Type one backslash command per line in the lab.");
            }
            Optional<MetaCommandResult> local = runLocal(line, info, settings);
            if (local.isPresent()) {
                return local.get();
            }
            Optional<CatalogCommand> command = CatalogCommand.named(line.name());
            if (command.isEmpty()) {
                return new MetaCommandResult.Failure(
                        "\\" + line.name() + " is not supported in the lab. Type \\? for the commands you can use.");
            }
            return withSavepoint(
                    catalogs, () -> readCatalogs(command.get(), line, catalogs, info.database(), settings));
        } catch (MetaCommandException e) {
            return new MetaCommandResult.Failure(e.getMessage());
        } catch (PSQLException e) {
            ServerErrorMessage server = e.getServerErrorMessage();
            if (server == null) {
                throw e; // the connection itself failed: the caller's problem, not a psql message
            }
            return new MetaCommandResult.Failure(psqlError(server));
        }
    }

    /** Commands that need no database, so they work even in a failed transaction, as in psql. */
    private static Optional<MetaCommandResult> runLocal(
            MetaCommandLine line, ConnectionInfo info, DisplaySettings settings) {
        return Optional.ofNullable(
                switch (line.name()) {
                    case "?" -> withWarnings(new MetaCommandResult.Text(Help.text(settings)), line, 1);
                    case "x" -> withWarnings(DisplayCommands.expanded(line.pattern(0), settings), line, 1);
                    case "pset" ->
                        withWarnings(PrintCommands.pset(line.argument(0), line.argument(1), settings), line, 2);
                    case "t" -> withWarnings(PrintCommands.tuplesOnly(line.argument(0), settings), line, 1);
                    case "a" -> withWarnings(PrintCommands.toggleAligned(settings), line, 0);
                    case "set" -> VariableCommands.set(line.arguments(), settings);
                    case "unset" -> withWarnings(VariableCommands.unset(line.arguments(), settings), line, 1);
                    case "timing" -> withWarnings(DisplayCommands.timing(line.argument(0), settings), line, 1);
                    case "conninfo" ->
                        withWarnings(new MetaCommandResult.Text(ConnInfoCommand.describe(info)), line, 0);
                    case "echo" -> new MetaCommandResult.Text(echo(line));
                    default -> null;
                });
    }

    /** \\echo: its arguments, separated by spaces; psql's -n (no newline) changes nothing in a result pane. */
    private static String echo(MetaCommandLine line) {
        List<String> words = new ArrayList<>(line.arguments());
        if (!words.isEmpty() && words.get(0).equals("-n")) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    /** The commands that read catalogs. psql reads the letters after \\d loosely (\\dt+S, \\d+S); so do we. */
    private enum CatalogCommand {
        DESCRIBE_OR_LIST("d|d[S+].*"),
        LIST_RELATIONS("d[tivms][tivmsS+;]*"),
        LIST_FUNCTIONS("df[S+]*"),
        LIST_SCHEMAS("dn[S+]*"),
        LIST_TYPES("dT[S]*"),
        LIST_DOMAINS("dD[S]*"),
        LIST_EXTENSIONS("dx"),
        LIST_PRIVILEGES("dp[S+]*|zS?"),
        LIST_ROLES("d[ug][S+]*"),
        LIST_DATABASES("l\\+?|list\\+?"),
        LIST_DESCRIPTIONS("dd[S+]*"),
        SHOW_FUNCTION("sf\\+?"),
        SHOW_VIEW("sv\\+?");

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

    private static MetaCommandResult readCatalogs(
            CatalogCommand command,
            MetaCommandLine line,
            CatalogReader catalogs,
            String database,
            DisplaySettings settings)
            throws SQLException {
        String name = line.name();
        boolean verbose = name.contains("+");
        boolean showSystem = name.contains("S");
        Optional<String> pattern = line.pattern(0);
        String output =
                switch (command) {
                    case DESCRIBE_OR_LIST ->
                        pattern.isPresent()
                                ? RelationDescriber.describe(catalogs, pattern.get(), verbose, database, settings)
                                : RelationList.list(catalogs, "", pattern, verbose, showSystem, database, settings);
                    case LIST_RELATIONS ->
                        RelationList.list(
                                catalogs, name.substring(1), pattern, verbose, showSystem, database, settings);
                    case LIST_FUNCTIONS -> {
                        if (line.arguments().size() > 1) {
                            throw new MetaCommandException(
                                    "\\df with argument type patterns is not supported in the lab.");
                        }
                        yield FunctionList.list(catalogs, pattern, verbose, showSystem, database, settings);
                    }
                    case LIST_SCHEMAS -> SchemaList.list(catalogs, pattern, verbose, showSystem, database, settings);
                    case LIST_TYPES -> TypeAndExtensionLists.types(catalogs, pattern, showSystem, database, settings);
                    case LIST_EXTENSIONS -> TypeAndExtensionLists.extensions(catalogs, pattern, database, settings);
                    case LIST_DOMAINS ->
                        TypeAndExtensionLists.domains(catalogs, pattern, showSystem, database, settings);
                    case LIST_PRIVILEGES -> AccessPrivileges.list(catalogs, pattern, showSystem, database, settings);
                    case LIST_ROLES -> OwnRoleAndDatabase.roles(catalogs, pattern, verbose, showSystem, settings);
                    case LIST_DATABASES -> OwnRoleAndDatabase.databases(catalogs, pattern, verbose, settings);
                    case LIST_DESCRIPTIONS ->
                        ObjectDescriptions.list(catalogs, pattern, showSystem, database, settings);
                    case SHOW_FUNCTION -> DefinitionCommands.function(catalogs, line.restOfLine(), verbose);
                    case SHOW_VIEW -> DefinitionCommands.view(catalogs, line.pattern(0), verbose);
                };
        return withWarnings(new MetaCommandResult.Text(output), line, 1);
    }

    /**
     * psql warns about arguments a command ignored, after its output (not after an error). Tables
     * and help end with an empty line in psql, so the warnings come after that line.
     */
    private static MetaCommandResult withWarnings(MetaCommandResult outcome, MetaCommandLine line, int argumentsUsed) {
        String warnings = String.join("\n", line.extraArgumentWarnings(argumentsUsed));
        if (warnings.isEmpty()) {
            return outcome;
        }
        if (outcome instanceof MetaCommandResult.Text text) {
            String separator = line.name().equals("conninfo") ? "\n" : "\n\n";
            return new MetaCommandResult.Text(text.text() + separator + warnings);
        }
        if (outcome instanceof MetaCommandResult.SettingChanged changed) {
            return new MetaCommandResult.SettingChanged(changed.settings(), changed.message() + "\n" + warnings);
        }
        return outcome;
    }

    private interface CatalogWork {
        MetaCommandResult read() throws SQLException;
    }

    /**
     * Inside the learner's open transaction the catalog queries run under a savepoint, so an error
     * (a broken pattern, say, or the lab's time limit) does not abort the learner's transaction.
     */
    private static MetaCommandResult withSavepoint(CatalogReader catalogs, CatalogWork work) throws SQLException {
        if (!catalogs.inTransaction()) {
            return work.read();
        }
        catalogs.query("SAVEPOINT netverks_meta", List.of());
        MetaCommandResult result;
        try {
            result = work.read();
        } catch (SQLException | RuntimeException e) {
            try {
                catalogs.restore("ROLLBACK TO SAVEPOINT netverks_meta");
                catalogs.restore("RELEASE SAVEPOINT netverks_meta");
            } catch (SQLException gone) {
                e.addSuppressed(gone); // the connection itself failed: nothing left to undo
            }
            throw e;
        }
        catalogs.query("RELEASE SAVEPOINT netverks_meta", List.of());
        return result;
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
