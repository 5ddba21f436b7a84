package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netverks.lab.PracticeDatabase;
import org.netverks.lab.shared.DisplaySettings;

/** What the fixtures cannot show: settings, safety, session state, and the lab's own messages. */
class PsqlMetaCommandsTest {

    private static final BackslashCommands COMMANDS = new BackslashCommands();

    private static PracticeDatabase database;
    private static Connection connection;
    private static ConnectionInfo info;

    @BeforeAll
    static void connect() throws Exception {
        database = PracticeDatabase.get();
        connection = database.connect();
        info = new ConnectionInfo(PracticeDatabase.DATABASE, PracticeDatabase.ROLE, "localhost", database.port());
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    private static MetaCommandResult run(String line) throws SQLException {
        return run(line, DisplaySettings.DEFAULT);
    }

    private static MetaCommandResult run(String line, DisplaySettings settings) throws SQLException {
        return COMMANDS.perform(line, JdbcCatalogReader.of(connection), info, settings);
    }

    @Test
    void recognisesBackslashCommandsOnly() {
        assertThat(BackslashCommands.isMetaCommand("\\dt")).isTrue();
        assertThat(BackslashCommands.isMetaCommand("   \\x on")).isTrue();
        assertThat(BackslashCommands.isMetaCommand("select '\\d'")).isFalse();
        assertThat(BackslashCommands.isMetaCommand("")).isFalse();
        assertThat(BackslashCommands.isMetaCommand(null)).isFalse();
        assertThatThrownBy(() -> run("select 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMetaCommandsRunAsAnOrdinaryRoleThatOwnsTheTables() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet role = statement.executeQuery(
                        "select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
            role.next();
            assertThat(role.getBoolean(1) || role.getBoolean(2) || role.getBoolean(3))
                    .isFalse();
        }
        assertThat(run("\\dt customers")).isInstanceOf(MetaCommandResult.Text.class);
    }

    @Test
    void expandedDisplayToggles() throws SQLException {
        assertThat(run("\\x"))
                .isEqualTo(new MetaCommandResult.SettingChanged(
                        new DisplaySettings(true, false), "Expanded display is on."));
        assertThat(run("\\x", new DisplaySettings(true, true)))
                .isEqualTo(new MetaCommandResult.SettingChanged(
                        new DisplaySettings(false, true), "Expanded display is off."));
        assertThat(run("\\x on;"))
                .isEqualTo(new MetaCommandResult.SettingChanged(
                        new DisplaySettings(true, false), "Expanded display is on."));
        assertThat(run("\\x OFF", new DisplaySettings(true, false)))
                .isEqualTo(new MetaCommandResult.SettingChanged(DisplaySettings.DEFAULT, "Expanded display is off."));
        // with no terminal width to exceed, psql's automatic mode never expands
        assertThat(run("\\x auto", new DisplaySettings(true, false)))
                .isEqualTo(new MetaCommandResult.SettingChanged(
                        DisplaySettings.DEFAULT, "Expanded display is used automatically."));
    }

    @Test
    void timingToggles() throws SQLException {
        assertThat(run("\\timing"))
                .isEqualTo(new MetaCommandResult.SettingChanged(new DisplaySettings(false, true), "Timing is on."));
        assertThat(run("\\timing", new DisplaySettings(true, true)))
                .isEqualTo(new MetaCommandResult.SettingChanged(new DisplaySettings(true, false), "Timing is off."));
        assertThat(run("\\timing yes"))
                .isEqualTo(new MetaCommandResult.SettingChanged(new DisplaySettings(false, true), "Timing is on."));
        assertThat(run("\\timing 0", new DisplaySettings(false, true)))
                .isEqualTo(new MetaCommandResult.SettingChanged(DisplaySettings.DEFAULT, "Timing is off."));
        assertThat(run("\\timing o"))
                .isEqualTo(new MetaCommandResult.Failure(
                        "unrecognized value \"o\" for \"\\timing\": Boolean expected\nTiming is off."));
    }

    @Test
    void otherCommandsAreNamedAsNotSupported() throws SQLException {
        for (String command : new String[] {
            "\\copy customers to 'out.csv'",
            "\\! ls",
            "\\i /etc/passwd",
            "\\c other",
            "\\ddp",
            "\\dfa",
            "\\prompt x",
            "\\gexec",
            "\\nonsense"
        }) {
            String name = command.split(" ")[0];
            assertThat(run(command))
                    .as(command)
                    .isEqualTo(new MetaCommandResult.Failure(
                            name + " is not supported in the lab. Type \\? for the commands you can use."));
        }
        assertThat(run("\\df account_total integer"))
                .isEqualTo(
                        new MetaCommandResult.Failure("\\df with argument type patterns is not supported in the lab."));
        assertThat(run("\\dt customers \\x"))
                .isEqualTo(new MetaCommandResult.Failure("Type one backslash command per line in the lab."));
    }

    @Test
    void helpIsText() throws SQLException {
        assertThat(run("\\?")).isEqualTo(new MetaCommandResult.Text(Help.text(DisplaySettings.DEFAULT)));
    }

    @Test
    void conninfoUsesPsqlsWordingForEachKindOfHost() throws SQLException {
        assertThat(COMMANDS.perform(
                        "\\conninfo",
                        JdbcCatalogReader.of(connection),
                        new ConnectionInfo("shop", "ada", "10.1.2.3", 6432),
                        DisplaySettings.DEFAULT))
                .isEqualTo(
                        new MetaCommandResult.Text(
                                "You are connected to database \"shop\" as user \"ada\" on host \"10.1.2.3\" at port \"6432\"."));
        assertThat(COMMANDS.perform(
                        "\\conninfo",
                        JdbcCatalogReader.of(connection),
                        new ConnectionInfo("shop", "ada", "/run/postgresql", 5432),
                        DisplaySettings.DEFAULT))
                .isEqualTo(new MetaCommandResult.Text(
                        "You are connected to database \"shop\" as user \"ada\" via socket in \"/run/postgresql\" "
                                + "at port \"5432\"."));
    }

    @Test
    void extraArgumentsAreIgnoredWithPsqlsWarningAfterTheOutput() throws SQLException {
        String table = ((MetaCommandResult.Text) run("\\dt customers")).text();

        assertThat(run("\\dt customers extra"))
                .isEqualTo(new MetaCommandResult.Text(table + "\n\n\\dt: extra argument \"extra\" ignored"));
        assertThat(run("\\x on please"))
                .isEqualTo(new MetaCommandResult.SettingChanged(
                        new DisplaySettings(true, false),
                        "Expanded display is on.\n\\x: extra argument \"please\" ignored"));
        // after an error psql drops the rest of the line silently
        assertThat(run("\\d nope extra"))
                .isEqualTo(new MetaCommandResult.Failure("Did not find any relation named \"nope\"."));
    }

    @Test
    void patternsThatLookLikeSqlAreOnlyEverPatterns() throws SQLException {
        long customers = count("customers");

        assertThat(run("\\d x'; drop table customers; --"))
                .isEqualTo(new MetaCommandResult.Failure("unterminated quoted string"));
        assertThat(run("\\d x'; drop table customers; --'"))
                .isEqualTo(new MetaCommandResult.Failure(
                        "Did not find any relation named \"x; drop table customers; --\"."));
        // the pattern is bound as a regular expression, so SQL in it can only make that expression invalid
        assertThat(run("\\df '); drop table customers; --'"))
                .isEqualTo(new MetaCommandResult.Failure(
                        "ERROR:  invalid regular expression: parentheses () not balanced"));
        assertThat(run("\\dn ' OR 1=1 --'"))
                .isEqualTo(
                        new MetaCommandResult.Text(
                                """
                List of schemas
                 Name | Owner\s
                ------+-------
                (0 rows)"""));
        // psql reads only the first word as the pattern and ignores the rest, with a warning
        assertThat(((MetaCommandResult.Text) run("\\dt \"customers\"; drop table customers; --")).text())
                .contains(" public | customers | table | learner")
                .endsWith(
                        """
                        (1 row)

                        \\dt: extra argument "drop" ignored
                        \\dt: extra argument "table" ignored
                        \\dt: extra argument "customers;" ignored
                        \\dt: extra argument "--" ignored""");

        assertThat(count("customers")).isEqualTo(customers);
    }

    @Test
    void anErrorInsideTheLearnersTransactionDoesNotAbortIt() throws SQLException {
        try (Connection learner = database.connect();
                Statement statement = learner.createStatement()) {
            learner.setAutoCommit(false);
            // a temporary table, not the shared `scratch`: a rolled-back insert still grows a table's
            // file, and PsqlFixturesTest compares `scratch`'s size with real psql's output
            statement.execute("create temporary table kept_rows (x int, y text)");
            statement.execute("insert into kept_rows values (1, 'kept')");

            MetaCommandResult outcome =
                    COMMANDS.perform("\\dt foo(", JdbcCatalogReader.of(learner), info, DisplaySettings.DEFAULT);

            assertThat(outcome)
                    .isEqualTo(new MetaCommandResult.Failure(
                            "ERROR:  invalid regular expression: parentheses () not balanced"));
            try (ResultSet kept = statement.executeQuery("select y from kept_rows where x = 1")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("kept");
            }
            assertThat(COMMANDS.perform("\\dt scratch", JdbcCatalogReader.of(learner), info, DisplaySettings.DEFAULT))
                    .isInstanceOf(MetaCommandResult.Text.class);
            learner.rollback();
        }
    }

    @Test
    void inAFailedTransactionCatalogCommandsReportItAndSettingsStillWork() throws SQLException {
        try (Connection learner = database.connect();
                Statement statement = learner.createStatement()) {
            learner.setAutoCommit(false);
            assertThatThrownBy(() -> statement.execute("select 1/0")).isInstanceOf(SQLException.class);

            assertThat(COMMANDS.perform("\\dt", JdbcCatalogReader.of(learner), info, DisplaySettings.DEFAULT))
                    .isEqualTo(new MetaCommandResult.Failure(
                            "ERROR:  current transaction is aborted, commands ignored until end of transaction block"));
            assertThat(COMMANDS.perform("\\x", JdbcCatalogReader.of(learner), info, DisplaySettings.DEFAULT))
                    .isInstanceOf(MetaCommandResult.SettingChanged.class);
            learner.rollback();
        }
    }

    @Test
    void metaCommandsLeaveTheSessionAsTheyFoundIt() throws SQLException {
        String before = sessionState();
        for (String command : new String[] {
            "\\d",
            "\\d+ customers",
            "\\dt+",
            "\\di",
            "\\dv+",
            "\\ds",
            "\\df+",
            "\\dn+",
            "\\d events",
            "\\d+ customer_balances",
            "\\dt foo("
        }) {
            run(command);
        }
        assertThat(sessionState()).isEqualTo(before);
        assertThat(connection.getAutoCommit()).isTrue();
    }

    /** The fixtures' psql sees the whole test server; the lab shows only the learner's role and database. */
    @Test
    void rolesAndDatabasesAreOnlyTheLearnersOwn() throws SQLException {
        for (String command : new String[] {
            "\\du", "\\dg", "\\du+", "\\duS", "\\du *", "\\dg postgres", "\\l", "\\l+", "\\list *", "\\l template1"
        }) {
            String text = ((MetaCommandResult.Text) run(command)).text();
            assertThat(text).as(command).doesNotContain("postgres", "template0", "template1");
        }
        assertThat(((MetaCommandResult.Text) run("\\duS")).text())
                .contains(" learner ", " pg_read_all_data ")
                .doesNotContain("(");
        // \\l+ shows the size, which changes as tests run, so no fixture holds it
        assertThat(((MetaCommandResult.Text) run("\\l+")).text())
                .containsPattern(
                        " practice \\| learner \\| UTF8 .*\\| \\d+ [kM]B\\s+\\| pg_default \\| The practice dataset")
                .endsWith("(1 row)");
    }

    @Test
    void aNumberedFunctionCountsTheLinesOfItsBodyOnly() throws SQLException {
        try (Connection learner = database.connect();
                Statement statement = learner.createStatement()) {
            learner.setAutoCommit(false);
            statement.execute(
                    """
                    create function pg_temp.two_steps() returns integer language sql
                    begin atomic
                      select 1;
                      select 2;
                    end""");

            MetaCommandResult outcome = COMMANDS.perform(
                    "\\sf+ pg_temp.two_steps", JdbcCatalogReader.of(learner), info, DisplaySettings.DEFAULT);

            assertThat(((MetaCommandResult.Text) outcome).text())
                    .isEqualTo(
                            """
                                    CREATE OR REPLACE FUNCTION pg_temp.two_steps()
                                     RETURNS integer
                                     LANGUAGE sql
                            1       BEGIN ATOMIC
                            2        SELECT 1;
                            3        SELECT 2;
                            4       END""");
            learner.rollback();
        }
    }

    @Test
    void extendedStatisticsAreShownAsPsql17ShowsThem() throws SQLException {
        // psql 15 would print "; STATISTICS " here, reading PostgreSQL 17's NULL default target as a value
        String bookings = ((MetaCommandResult.Text) run("\\d bookings")).text();

        assertThat(bookings)
                .endsWith(
                        """
                Statistics objects:
                    "public.bookings_customer_room" (ndistinct) ON customer_id, room FROM bookings""");
    }

    /** Every setting with a non-default source, plus the transaction state: what SET or BEGIN would change. */
    private static String sessionState() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        """
                        select string_agg(name || '=' || setting, ', ' order by name)
                               || ' xact=' || coalesce(pg_current_xact_id_if_assigned()::text, '-')
                        from pg_settings where source not in ('default', 'override')""")) {
            settings.next();
            return settings.getString(1);
        }
    }

    private static long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
