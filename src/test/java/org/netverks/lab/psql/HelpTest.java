package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.PrintOptions;

/** \? lists only the lab's commands, in psql's own words and layout. */
class HelpTest {

    @Test
    void everyLineIsPsqlsOwnExceptTheFewTheLabNarrows() throws IOException {
        List<String> psqlHelp = new FixtureCase("psql_help", "meta", "\\?")
                .printed()
                .orElseThrow()
                .lines()
                .toList();
        List<String> narrowed = List.of(
                "  \\g                     execute query (alone: the previous query again)",
                "  \\gx                    as \\g, but forces expanded output mode",
                "                         (border|expanded|fieldsep|footer|format|null|tuples_only)",
                "  \\?                     show help on backslash commands",
                "  \\df[S+] [PATTERN]      list functions",
                "  \\dT[S]  [PATTERN]      list data types",
                "  \\dx     [PATTERN]      list extensions",
                "  \\dD[S]  [PATTERN]      list domains",
                // psql 17's own lines: psql 15, whose help the fixture holds, had no S for \\dp and \\z
                "  \\dp[S]  [PATTERN]      list table, view, and sequence access privileges",
                "  \\z[S]   [PATTERN]      same as \\dp",
                // the lab lists only what is the learner's own of what the whole server shares
                "  \\dg[S+] [PATTERN]      list your own role (with S, PostgreSQL's predefined roles too)",
                "  \\du[S+] [PATTERN]      list your own role (with S, PostgreSQL's predefined roles too)",
                "  \\l[+]   [PATTERN]      list your own database",
                "  \\copy ...              COPY with the rows below it (from stdin) or to the results (to stdout)");

        List<String> ours = Help.text(DisplaySettings.DEFAULT).lines().toList();

        assertThat(ours).filteredOn(line -> !narrowed.contains(line)).isSubsetOf(psqlHelp);
        assertThat(ours).containsAll(narrowed);
        assertThat(ours)
                .containsSubsequence(
                        "General",
                        "Help",
                        "Input/Output",
                        "Informational",
                        "Formatting",
                        "Connection",
                        "Operating System",
                        "Variables");
    }

    @Test
    void showsTheLearnersCurrentSettings() {
        String help = Help.text(new DisplaySettings(true, true).withPrint(PrintOptions.DEFAULT.withTuplesOnly(true)));

        assertThat(help)
                .contains("  \\t [on|off]            show only rows (currently on)")
                .contains("  \\x [on|off|auto]       toggle expanded output (currently on)")
                .contains("  \\timing [on|off]       toggle timing of commands (currently on)");
    }
}
