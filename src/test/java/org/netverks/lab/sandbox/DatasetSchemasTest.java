package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.content.Catalog;
import org.netverks.content.Dataset;
import org.netverks.content.Exercise;
import org.netverks.content.TestExercise;
import org.netverks.content.TrustedExtensions;
import org.netverks.lab.LabProperties;
import org.netverks.lab.exercise.ExerciseGrader;
import org.netverks.lab.psql.JdbcCatalogReader;
import org.netverks.lab.psql.SchemaPanel;
import org.netverks.lab.run.ScriptRunner;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dataset in a schema of its own ({@code cd}, found through {@code search_path: [cd, public]})
 * with an extension the platform creates (pg_trgm): a learner's sandbox, a fresh copy and the
 * read-only copy see it as they would see {@code public}; learners may add schemas and trusted
 * extensions, not untrusted ones; {@code lab.my_sessions} shows a learner their own backends only.
 */
@IntegrationTest
class DatasetSchemasTest {

    private static final String NAME = "cd_club_" + UUID.randomUUID().toString().substring(0, 8);

    /** Names qualified in the scripts: how the loader sets search_path while loading is not tested here. */
    private static final Dataset CD = Dataset.of(
            NAME,
            List.of(
                    new Dataset.Script(
                            "datasets/cd_club/schema.sql",
                            """
                            create schema cd;
                            create table cd.members (id int generated always as identity primary key, surname text);
                            create view cd.surnames as select surname from cd.members;
                            create materialized view cd.member_count as select count(*) as n from cd.members;
                            create sequence cd.tickets;
                            create function cd.shout(t text) returns text language sql as 'select upper(t)';
                            create index members_surname_trgm on cd.members using gin (surname public.gin_trgm_ops);
                            create table public.notes (id int);
                            """),
                    new Dataset.Script(
                            "datasets/cd_club/data.sql",
                            """
                            insert into cd.members (surname) values ('Smith'), ('Smyth'), ('Jones');
                            refresh materialized view cd.member_count;
                            """)),
            List.of("cd", "public"),
            List.of("pg_trgm"));

    @Autowired
    SandboxService sandboxes;

    @Autowired
    ScriptRunner runner;

    @Autowired
    LabProperties properties;

    private Connection connect(Sandbox sandbox) throws SQLException {
        return SandboxLogin.connect(sandboxes.server(sandbox), sandbox, sandbox.database());
    }

    private static String one(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private static void refused(Statement statement, String sql, String sqlState, String message) {
        assertThatThrownBy(() -> statement.execute(sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(message)
                .satisfies(e ->
                        assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo(sqlState));
    }

    /** What every copy shows, read-only or not: the dataset's names unqualified, its extension usable. */
    private static void readsTheDatasetAsIfItWerePublic(Statement statement) throws SQLException {
        assertThat(one(statement, "show search_path")).isEqualTo("cd, public");
        assertThat(one(statement, "select count(*) from members")).isEqualTo("3");
        assertThat(one(statement, "select string_agg(surname, ',' order by surname) from surnames"))
                .isEqualTo("Jones,Smith,Smyth");
        assertThat(one(statement, "select n from member_count")).isEqualTo("3");
        assertThat(one(statement, "select shout('hi')")).isEqualTo("HI");
        assertThat(one(statement, "select last_value from tickets")).isEqualTo("1");
        assertThat(one(statement, "select count(*) from notes")).isEqualTo("0");
        assertThat(one(statement, "select round(similarity('Smith', 'Smyth')::numeric, 2) > 0"))
                .isEqualTo("t");
        assertThat(one(
                        statement,
                        "select string_agg(surname, ',' order by surname) from members where surname % 'Smith'"))
                .isEqualTo("Smith,Smyth");
    }

    @Test
    void aLearnersSandboxAndAFreshCopyOwnTheDatasetSchemasAndMayAddSchemasAndTrustedExtensions() throws SQLException {
        Sandbox learner = sandboxes.sandboxFor("schemas-test:" + UUID.randomUUID(), CD, "schemas-test");
        ScratchDatabases.Scratch fresh = sandboxes.take(CD);
        try {
            for (Sandbox sandbox : List.of(learner, fresh.sandbox())) {
                try (Connection connection = connect(sandbox);
                        Statement statement = connection.createStatement()) {
                    readsTheDatasetAsIfItWerePublic(statement);
                    assertThat(one(statement, "select nspowner::regrole::text from pg_namespace where nspname = 'cd'"))
                            .as("reassign owned by hands the dataset's schema over too")
                            .isEqualTo(sandbox.role());
                    statement.execute("insert into members (surname) values ('Smithe')");
                    assertThat(one(statement, "select nextval('tickets')")).isEqualTo("1");
                    statement.execute("alter table members add column joined date");

                    statement.execute("create schema mine");
                    statement.execute("create table mine.things (id int)");
                    statement.execute("create extension citext");
                    assertThat(one(statement, "select 'ABC'::citext = 'abc'")).isEqualTo("t");
                    assertThat(one(
                                    statement,
                                    "select extowner::regrole::text from pg_extension where extname = 'citext'"))
                            .isEqualTo(sandbox.role());
                    refused(
                            statement,
                            "create extension pageinspect",
                            "42501",
                            "permission denied to create extension \"pageinspect\"");
                    refused(statement, "drop extension pg_trgm", "42501", "must be owner of extension pg_trgm");

                    List<String> panel = new ArrayList<>();
                    for (SchemaPanel.Table table : SchemaPanel.list(JdbcCatalogReader.of(connection))) {
                        panel.add(table.name());
                    }
                    assertThat(panel)
                            .as("every schema's tables, named as the learner writes them; not lab.my_sessions")
                            .containsExactly("member_count", "members", "mine.things", "notes", "surnames");
                }
            }
        } finally {
            sandboxes.discard(fresh);
        }
    }

    /**
     * The lab's list of extensions a learner may create ({@link TrustedExtensions}): PostgreSQL's
     * trusted flag is the gate, and on the bundled server it lets through exactly these (plus
     * plpgsql, always there; plperl and pltcl are marked trusted but their libraries are not bundled).
     */
    @Test
    void aLearnerMayCreateEveryListedExtensionAndTheServerTrustsNoOtherThatLoads() throws SQLException {
        ScratchDatabases.Scratch fresh = sandboxes.take(CD);
        try (Connection connection = connect(fresh.sandbox());
                Statement statement = connection.createStatement()) {
            for (String extension : TrustedExtensions.NAMES) {
                statement.execute("create extension if not exists \"" + extension + "\"");
            }
            assertThat(one(statement, "select count(*) from pg_extension where extname <> 'plpgsql'"))
                    .isEqualTo(String.valueOf(TrustedExtensions.NAMES.size()));
            List<String> others = new ArrayList<>();
            try (ResultSet rows =
                    statement.executeQuery("select distinct name from pg_available_extension_versions v where trusted"
                            + " and name not in ('plpgsql', 'plperl', 'pltcl', 'bool_plperl', 'jsonb_plperl')"
                            + " and not exists (select from pg_extension e where e.extname = v.name)"
                            + " order by name")) {
                while (rows.next()) {
                    others.add(rows.getString(1));
                }
            }
            assertThat(others).as("trusted by the server but not on the list").isEmpty();
        } finally {
            sandboxes.discard(fresh);
        }
    }

    /** A query is graded on the read-only copy, a check on a fresh copy: unqualified names resolve on both. */
    @Test
    void answersWithUnqualifiedNamesAreGradedOnTheDatasetsSchema() throws Exception {
        ExerciseGrader grader = new ExerciseGrader(runner, sandboxes, properties.runLimits());
        Catalog catalog = new Catalog("test", List.of(), Map.of(CD.name(), CD));

        Exercise query = exercise("select surname from cd.members where surname % 'Smith' order by surname", null);
        assertThat(grader.grade(query, catalog, "select surname from members where similarity(surname, 'Smith') > 0.3")
                        .correct())
                .isTrue();
        assertThat(grader.grade(query, catalog, "select surname from members").correct())
                .isFalse();

        Exercise check = exercise(
                "insert into cd.members (surname) values ('Smithers')",
                "select surname from cd.members where surname % 'Smith' order by surname");
        assertThat(grader.grade(check, catalog, "insert into members (surname) values ('Smithers')")
                        .correct())
                .isTrue();
    }

    private static Exercise exercise(String solution, String check) {
        return TestExercise.on(CD.name(), solution).check(check).build();
    }

    @Test
    void theReadOnlyCopyReadsEveryDatasetSchemaAndChangesNothing() throws SQLException {
        ScratchDatabases.Scratch copy = sandboxes.readOnly(CD);
        try (Connection connection = connect(copy.sandbox());
                Statement statement = connection.createStatement()) {
            readsTheDatasetAsIfItWerePublic(statement);
            statement.execute("set default_transaction_read_only = off");
            for (String write : List.of(
                    "insert into members (surname) values ('X')",
                    "select nextval('tickets')",
                    "refresh materialized view member_count",
                    "create table cd.mine (id int)",
                    "create schema mine",
                    "create extension citext")) {
                assertThatThrownBy(() -> statement.execute(write))
                        .as(write)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as(write)
                                .isEqualTo("42501"));
            }
            assertThat(one(statement, "select count(*) from members")).isEqualTo("3");
        }
    }

    @Test
    void labMySessionsShowsTheLearnersOwnBackendsOnlyAndCannotBeChanged() throws SQLException {
        Sandbox first = sandboxes.sandboxFor("sessions-test:" + UUID.randomUUID(), CD, "sessions-test");
        Sandbox second = sandboxes.sandboxFor("sessions-test:" + UUID.randomUUID(), CD, "sessions-test");
        try (Connection mine = connect(first);
                Connection theirs = connect(second);
                Statement statement = mine.createStatement();
                Statement other = theirs.createStatement()) {
            String myPid = one(statement, "select pg_backend_pid()");
            String theirPid = one(other, "select pg_backend_pid()");
            List<String> pids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select pid, usename, state from lab.my_sessions")) {
                while (rows.next()) {
                    pids.add(rows.getString(1));
                    assertThat(rows.getString(2)).isEqualTo(first.role());
                }
            }
            assertThat(pids).contains(myPid).doesNotContain(theirPid);
            assertThat(one(other, "select count(*) from lab.my_sessions where pid = " + myPid))
                    .isEqualTo("0");
            refused(statement, "select count(*) from pg_stat_activity", "42501", "permission denied");

            for (String change : List.of(
                    "drop view lab.my_sessions",
                    "create or replace view lab.my_sessions as select 1 as pid",
                    "alter view lab.my_sessions rename to theirs",
                    "drop function lab.my_sessions_rows()",
                    "create or replace function lab.my_sessions_rows() returns setof pg_stat_activity"
                            + " language sql as 'select * from pg_stat_activity'",
                    "create table lab.mine (id int)",
                    "drop schema lab cascade")) {
                assertThatThrownBy(() -> statement.execute(change))
                        .as(change)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as(change)
                                .isEqualTo("42501"));
            }
            assertThat(one(statement, "select count(*) > 0 from lab.my_sessions"))
                    .isEqualTo("t");
        }
    }
}
