package org.netverks.lab.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/** What psql itself does in the lab: meta-commands (\d, \x …) and its layouts of query results. */
public interface MetaCommandHandler {

    /** What the command printed, and the settings after it (\x, \timing, \pset, \set … change them). */
    record Printed(String text, boolean failed, DisplaySettings settings) {}

    /**
     * Runs one meta-command line. Whatever it reads goes through {@link SandboxConnection#query},
     * bounded by {@code timeout} like a statement.
     *
     * @throws SandboxConnection.TimedOut when the lab's timer stopped it
     */
    Printed runMetaCommand(String commandLine, SandboxConnection connection, DisplaySettings settings, Duration timeout)
            throws SQLException;

    /**
     * Rows laid out as psql prints them under the learner's \x and \pset settings; empty when that
     * text would be longer than {@code maxChars}.
     */
    Optional<String> layout(
            List<StatementResult.Column> columns, List<List<String>> rows, DisplaySettings settings, long maxChars);
}
