package org.netverks.lab.run;

import java.sql.SQLException;
import java.util.List;

/** What psql itself does in the lab: meta-commands (\d, \x …) and its expanded display. */
public interface MetaCommandHandler {

    /** What the command printed, and the settings after it (\x and \timing change them). */
    record Outcome(String text, boolean failed, RunSettings settings) {}

    Outcome run(String commandLine, SandboxSession session, RunSettings settings) throws SQLException;

    /** Rows laid out as psql's expanded display (\x on) lays them out. */
    String expanded(List<StatementResult.Column> columns, List<List<String>> rows);
}
