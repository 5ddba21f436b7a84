package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.netverks.lab.shared.DisplaySettings;

/** \set and &#92;unset: the learner's variables, their limits, and their use in backslash commands. */
class PsqlVariablesTest {

    private static final ConnectionInfo INFO = new ConnectionInfo("practice", "learner", "localhost", 5432);

    private static MetaCommandResult run(String command, DisplaySettings settings) throws SQLException {
        // these commands read no catalogs
        return new BackslashCommands().perform(command, null, INFO, settings);
    }

    private static DisplaySettings set(String command, DisplaySettings settings) throws SQLException {
        return ((MetaCommandResult.SettingChanged) run(command, settings)).settings();
    }

    @Test
    void setJoinsItsValuesAndListsOnlyTheLearnersVariables() throws SQLException {
        DisplaySettings settings = set("\\set b x 'y z' w", DisplaySettings.DEFAULT);
        settings = set("\\set a", settings);

        assertThat(settings.variables()).containsEntry("b", "xy zw").containsEntry("a", "");
        assertThat(run("\\set", settings)).isEqualTo(new MetaCommandResult.Text("a = ''\nb = 'xy zw'"));
        assertThat(set("\\unset b", settings).variables()).containsOnlyKeys("a");
    }

    @Test
    void psqlsOwnVariablesAndBadNamesAreRefused() throws SQLException {
        assertThat(run("\\set ON_ERROR_STOP on", DisplaySettings.DEFAULT))
                .isInstanceOf(MetaCommandResult.Failure.class)
                .asString()
                .contains("ON_ERROR_STOP is one of psql's own variables");
        assertThat(run("\\set a-b 1", DisplaySettings.DEFAULT))
                .isEqualTo(new MetaCommandResult.Failure("invalid variable name: \"a-b\""));
    }

    @Test
    void theNumberAndSizeOfVariablesAreBounded() throws SQLException {
        DisplaySettings settings = DisplaySettings.DEFAULT;
        for (int i = 0; i < VariableCommands.MAX_VARIABLES; i++) {
            settings = set("\\set v" + i + " x", settings);
        }
        assertThat(run("\\set one_more x", settings))
                .isEqualTo(new MetaCommandResult.Failure("\\set: the lab keeps at most 100 variables (variable "
                        + "limit). Remove one with \\unset first."));
        assertThat(set("\\set v1 y", settings).variables()).containsEntry("v1", "y");

        String big = "x".repeat(VariableCommands.MAX_TOTAL_CHARS);
        assertThat(run("\\set big " + big, DisplaySettings.DEFAULT))
                .asString()
                .contains("at most 64 KB of variable names and values together (variable size limit)");
    }

    @Test
    void backslashCommandsReadVariablesInTheirArguments() throws SQLException {
        DisplaySettings settings = set("\\set who 'O''Brien'", DisplaySettings.DEFAULT);

        assertThat(run("\\echo :who :'who' :\"who\" :nobody :'nobody'", settings))
                .isEqualTo(new MetaCommandResult.Text("O'Brien 'O''Brien' \"O'Brien\" :nobody :'nobody'"));
        assertThat(set("\\set again :who!", settings).variables()).containsEntry("again", "O'Brien!");
    }

    @Test
    void aCommandMayNotGrowPastTheInterpolationLimit() throws SQLException {
        DisplaySettings settings = set("\\set v " + "x".repeat(60 * 1024), DisplaySettings.DEFAULT);

        assertThat(run("\\echo" + " :v".repeat(20), settings))
                .asString()
                .contains("longer than 1 MB")
                .contains("(interpolation limit)");
    }
}
