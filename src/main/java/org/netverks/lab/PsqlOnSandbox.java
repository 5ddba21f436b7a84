package org.netverks.lab;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.netverks.lab.psql.BackslashCommands;
import org.netverks.lab.psql.CatalogReader;
import org.netverks.lab.psql.ConnectionInfo;
import org.netverks.lab.psql.MetaCommandResult;
import org.netverks.lab.psql.PsqlFormatter;
import org.netverks.lab.run.MetaCommandHandler;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.QueryRows;
import org.springframework.stereotype.Component;

/**
 * Connects the runner to the psql package: meta-commands read the catalogs on the learner's
 * connection through its bounded query path; query results laid out as psql prints them under \x and \pset.
 */
@Component
class PsqlOnSandbox implements MetaCommandHandler {

    /** Putting a learner's transaction back after a failed command is quick; the bound is for a dead server. */
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(5);

    private final BackslashCommands commands = new BackslashCommands();
    private final LabProperties properties;

    PsqlOnSandbox(LabProperties properties) {
        this.properties = properties;
    }

    @Override
    public Printed runMetaCommand(
            String commandLine, SandboxConnection connection, DisplaySettings settings, Duration timeout)
            throws SQLException {
        ConnectionInfo info = new ConnectionInfo(
                connection.database(), connection.user(), properties.publicHost(), connection.port());
        MetaCommandResult result = commands.perform(commandLine, catalogsOf(connection, timeout), info, settings);
        if (result instanceof MetaCommandResult.Text text) {
            return new Printed(text.text(), false, settings);
        }
        if (result instanceof MetaCommandResult.SettingChanged changed) {
            return new Printed(changed.message(), false, changed.settings());
        }
        return new Printed(((MetaCommandResult.Failure) result).message(), true, settings);
    }

    /**
     * The learner's catalogs, the queries of one command bounded by {@code timeout} together, as one
     * statement is (\d+ of a table takes about ten). Past the deadline a query gets a millisecond.
     */
    static CatalogReader catalogsOf(SandboxConnection connection, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return new CatalogReader() {
            @Override
            public QueryRows query(String sql, List<Object> parameters) throws SQLException {
                long remaining = Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(1));
                return connection.query(sql, parameters, Duration.ofNanos(remaining));
            }

            @Override
            public void restore(String sql) throws SQLException {
                connection.query(sql, List.of(), RESTORE_TIMEOUT);
            }

            @Override
            public boolean inTransaction() {
                return connection.inTransaction();
            }
        };
    }

    @Override
    public Optional<String> layout(
            List<StatementResult.Column> columns, List<List<String>> rows, DisplaySettings settings, long maxChars) {
        List<PsqlFormatter.Column> layout = columns.stream()
                .map(column -> new PsqlFormatter.Column(column.name(), PsqlFormatter.rightAligned(column.type())))
                .toList();
        return PsqlFormatter.query(layout, rows, settings.expanded(), settings.print(), maxChars);
    }
}
