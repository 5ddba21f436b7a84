package org.netverks.lab;

import java.sql.SQLException;
import java.util.List;
import org.netverks.lab.psql.ConnectionInfo;
import org.netverks.lab.psql.MetaOutcome;
import org.netverks.lab.psql.PsqlFormatter;
import org.netverks.lab.psql.PsqlMetaCommands;
import org.netverks.lab.psql.PsqlSettings;
import org.netverks.lab.run.MetaCommandHandler;
import org.netverks.lab.run.RunSettings;
import org.netverks.lab.run.SandboxSession;
import org.netverks.lab.run.StatementResult;
import org.springframework.stereotype.Component;

/** Connects the runner to the psql package: meta-commands on the learner's session, expanded display. */
@Component
class PsqlMeta implements MetaCommandHandler {

    private final PsqlMetaCommands commands = new PsqlMetaCommands();
    private final LabProperties properties;

    PsqlMeta(LabProperties properties) {
        this.properties = properties;
    }

    @Override
    public Outcome run(String commandLine, SandboxSession session, RunSettings settings) throws SQLException {
        ConnectionInfo info =
                new ConnectionInfo(session.database(), session.user(), properties.publicHost(), session.port());
        MetaOutcome outcome = commands.run(
                commandLine, session.connection(), info, new PsqlSettings(settings.expanded(), settings.timing()));
        if (outcome instanceof MetaOutcome.Text text) {
            return new Outcome(text.text(), false, settings);
        }
        if (outcome instanceof MetaOutcome.SettingChanged changed) {
            return new Outcome(
                    changed.message(),
                    false,
                    new RunSettings(
                            changed.settings().expanded(), changed.settings().timing()));
        }
        return new Outcome(((MetaOutcome.Failure) outcome).message(), true, settings);
    }

    @Override
    public String expanded(List<StatementResult.Column> columns, List<List<String>> rows) {
        List<PsqlFormatter.Column> layout = columns.stream()
                .map(column -> new PsqlFormatter.Column(column.name(), PsqlFormatter.rightAligned(column.type())))
                .toList();
        return PsqlFormatter.expanded(null, layout, rows, List.of());
    }
}
