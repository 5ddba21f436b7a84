package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netverks.lab.PracticeDatabase;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.PrintOptions;

/**
 * Every command of psql/commands.tsv gives, character for character, what the real psql printed
 * for it against the same database (see PsqlFixtureGenerator): on standard output as Text or as a
 * setting's message, on standard error as a Failure.
 */
class PsqlFixturesTest {

    private static PracticeDatabase database;
    private static Connection connection;

    @BeforeAll
    static void connect() throws Exception {
        database = PracticeDatabase.get();
        connection = database.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    static List<FixtureCase> fixtures() throws IOException {
        return FixtureCase.all().stream().filter(fixture -> !fixture.script()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void printsWhatPsqlPrints(FixtureCase fixture) throws Exception {
        String port = Integer.toString(database.port());
        Optional<String> printed = fixture.printed().map(text -> text.replace("${port}", port));
        Optional<String> reported = fixture.reported();
        assertThat(printed.isPresent() || reported.isPresent())
                .as("fixture files for " + fixture.name())
                .isTrue();

        if (fixture.query()) {
            assertThat(reported).as("psql reported no error").isEmpty();
            assertThat(formatQuery(fixture)).isEqualTo(printed.orElseThrow());
            return;
        }
        DisplaySettings settings = new DisplaySettings(fixture.expanded(), false);
        ConnectionInfo info =
                new ConnectionInfo(PracticeDatabase.DATABASE, PracticeDatabase.ROLE, "localhost", database.port());
        MetaCommandResult outcome =
                new BackslashCommands().perform(fixture.command(), JdbcCatalogReader.of(connection), info, settings);

        if (reported.isPresent()) {
            // psql prints the error, then (for \timing) the setting it kept
            String expected = reported.get() + printed.map(text -> "\n" + text).orElse("");
            assertThat(outcome).isEqualTo(new MetaCommandResult.Failure(expected));
        } else if (outcome instanceof MetaCommandResult.SettingChanged changed) {
            assertThat(changed.message()).isEqualTo(printed.get());
        } else {
            assertThat(outcome).isEqualTo(new MetaCommandResult.Text(printed.get()));
        }
    }

    /** An ordinary query's result laid out by PsqlFormatter, as the lab will show learner queries. */
    private static String formatQuery(FixtureCase fixture) throws IOException, SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(PracticeDatabase.resource("queries/" + fixture.command()))) {
            ResultSetMetaData meta = results.getMetaData();
            List<PsqlFormatter.Column> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(new PsqlFormatter.Column(
                        meta.getColumnLabel(i), PsqlFormatter.rightAligned(meta.getColumnTypeName(i))));
            }
            List<List<String>> rows = new ArrayList<>();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(results.getString(i));
                }
                rows.add(row);
            }
            return PsqlFormatter.query(columns, rows, fixture.expanded(), PrintOptions.DEFAULT, Long.MAX_VALUE)
                    .orElseThrow();
        }
    }
}
