package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netverks.lab.psql.BackslashCommands;
import org.netverks.lab.psql.ConnectionInfo;
import org.netverks.lab.psql.MetaCommandResult;
import org.netverks.lab.psql.PsqlFormatter;
import org.netverks.lab.run.RunLimits;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.SqlScript;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.PrintOptions;

/**
 * The whole scripts of psql/commands.tsv (mode "script": \pset, \g, \set …) run through the lab's
 * ScriptRunner print, character for character, what the real psql printed for them with
 * {@code psql -f} against the same database (see PsqlFixtureGenerator): every result's output in
 * order as psql writes it to standard output, every failure as it writes it to standard error.
 */
class PsqlScriptFixturesTest {

    /** psql's "psql:path:line: " (and "error: ") before what it reports about a script's line. */
    private static final Pattern ERROR_PREFIX = Pattern.compile("(?m)^psql:[^:]*:\\d+: (error: )?");

    /** psql's built-in variables, which \set lists and the lab does not have. */
    private static final Pattern BUILT_IN_VARIABLE = Pattern.compile("(?m)^[A-Z][A-Z0-9_]* = '.*'\n");

    private static final Pattern LISTING = Pattern.compile("\\\\d.*");

    private static final Pattern SEND_EXPANDED = Pattern.compile("\\\\gx\\b.*");

    private static PracticeDatabase database;
    private static SandboxConnection connection;
    private static final ScriptRunner runner =
            new ScriptRunner(new PsqlOnSandbox(LabProperties.defaults()), new ExplainPlans());

    record Script(String name, String file) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void connect() throws Exception {
        database = PracticeDatabase.get();
        connection = SandboxConnection.open(
                "localhost",
                database.port(),
                PracticeDatabase.DATABASE,
                PracticeDatabase.ROLE,
                "",
                16 * 1024 * 1024,
                () -> {});
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    static List<Script> scripts() throws IOException {
        return PracticeDatabase.resource("commands.tsv")
                .lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t", 3))
                .filter(fields -> fields.length == 3 && fields[1].equals("script"))
                .map(fields -> new Script(fields[0], fields[2]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void printsWhatPsqlPrints(Script script) throws Exception {
        String sql = PracticeDatabase.resource("scripts/" + script.file());
        RunLimits limits = LabProperties.defaults().runLimits();
        ScriptRunner.ScriptResult done = runner.runScript(sql, connection, DisplaySettings.DEFAULT, limits);
        runner.cleanUp(connection, done);

        Printed lab = print(sql, done.results());

        String expectedOut = fixture(script.name() + ".out");
        // psql 16 added \pset xheader_width; the lab lists psql 17's options
        expectedOut = expectedOut.replace(
                "unicode_header_linestyle single\n",
                "unicode_header_linestyle single\nxheader_width            full\n");
        expectedOut = BUILT_IN_VARIABLE.matcher(expectedOut).replaceAll("");
        String expectedErr =
                ERROR_PREFIX.matcher(fixture(script.name() + ".err")).replaceAll("");
        assertThat(lab.out()).isEqualTo(expectedOut);
        assertThat(lab.err()).isEqualTo(expectedErr);
    }

    record Printed(String out, String err) {}

    /**
     * What psql would have written for these results: psql ends every output with a line feed, and
     * an aligned table (normal or expanded) with one more. Which format was in force comes from
     * replaying the script's settings commands, as the runner does.
     */
    private static Printed print(String script, List<StatementResult> results) throws Exception {
        List<SqlScript.Piece> pieces = SqlScript.split(script);
        assertThat(results).hasSameSizeAs(pieces);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        DisplaySettings settings = DisplaySettings.DEFAULT;
        for (int i = 0; i < pieces.size(); i++) {
            SqlScript.Piece piece = pieces.get(i);
            StatementResult result = results.get(i);
            if (result instanceof StatementResult.Rows rows) {
                String sentBy = piece.metaCommand() ? piece.text() : piece.sentBy();
                DisplaySettings shown =
                        sentBy != null && SEND_EXPANDED.matcher(sentBy).matches()
                                ? settings.withExpanded(true)
                                : settings;
                assertThat(rows.text() == null).as(piece.text()).isEqualTo(shown.defaultLayout());
                String text = rows.text() != null
                        ? rows.text()
                        : PsqlFormatter.query(columns(rows), rows.rows(), false, PrintOptions.DEFAULT, Long.MAX_VALUE)
                                .orElseThrow();
                out.append(text.isEmpty() ? "" : text + "\n");
                if (List.of("aligned", "wrapped").contains(shown.print().format())) {
                    out.append('\n');
                }
            } else if (result instanceof StatementResult.Meta meta && meta.failed()) {
                err.append(meta.text()).append('\n');
            } else if (result instanceof StatementResult.Meta meta
                    && LISTING.matcher(piece.text()).matches()) {
                // psql's listings are tables: a blank line after them when aligned, as after a query's
                out.append(meta.text().isEmpty() ? "" : meta.text() + "\n");
                if (List.of("aligned", "wrapped").contains(settings.print().format())) {
                    out.append('\n');
                }
            } else if (result instanceof StatementResult.Meta meta) {
                out.append(meta.text().isEmpty() ? "" : meta.text() + "\n");
                settings = replay(piece, settings);
            } else if (result instanceof StatementResult.Error error) {
                err.append("ERROR:  ").append(error.message()).append('\n');
            } else if (result instanceof StatementResult.Command command) {
                out.append(command.tag()).append('\n');
            }
        }
        return new Printed(out.toString(), err.toString());
    }

    /** The settings after a meta-command that succeeded, as the runner kept them. */
    private static DisplaySettings replay(SqlScript.Piece piece, DisplaySettings settings) throws Exception {
        ConnectionInfo info =
                new ConnectionInfo(PracticeDatabase.DATABASE, PracticeDatabase.ROLE, "localhost", database.port());
        MetaCommandResult outcome = new BackslashCommands().perform(piece.text(), null, info, settings);
        return outcome instanceof MetaCommandResult.SettingChanged changed ? changed.settings() : settings;
    }

    private static List<PsqlFormatter.Column> columns(StatementResult.Rows rows) {
        List<PsqlFormatter.Column> columns = new ArrayList<>();
        for (StatementResult.Column column : rows.columns()) {
            columns.add(new PsqlFormatter.Column(column.name(), PsqlFormatter.rightAligned(column.type())));
        }
        return columns;
    }

    private static String fixture(String file) throws IOException {
        try (InputStream in = PsqlScriptFixturesTest.class.getResourceAsStream("/psql/fixtures/" + file)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
