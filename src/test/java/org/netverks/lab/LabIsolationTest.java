package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Learner A can never reach learner B's sandbox, the platform's data, server files or programs. */
@IntegrationTest
class LabIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient platform;

    @Test
    void aLearnerCannotConnectToAnotherLearnersSandbox() {
        JsonNode a = new LabClient(port).connection();
        JsonNode b = new LabClient(port).connection();
        assertThat(a.get("database").asString()).isNotEqualTo(b.get("database").asString());

        assertThatThrownBy(() -> connect(a, b.get("database").asString()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
        assertThatThrownBy(() -> connect(a, "postgres").close()).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> connect(a, "template1").close()).hasMessageContaining("permission denied");
    }

    /** Database and role names are readable (psql's \l and \d need them): OwnPsqlTest shows they say nothing. */
    @Test
    void aLearnerCannotSeeOtherSessionsOrPasswords() {
        LabClient learner = new LabClient(port);
        for (String sql : new String[] {
            "select usename, query from pg_stat_activity", "select * from pg_locks", "select rolpassword from pg_authid"
        }) {
            JsonNode result = learner.one(sql);
            assertThat(result.get("kind").asString()).as(sql).isEqualTo("error");
            assertThat(result.get("message").asString()).as(sql).contains("permission denied");
        }
    }

    /**
     * The catalogs name every sandbox's database and role (see above); the lab's \\du, \\dg and \\l
     * list only the learner's own (and PostgreSQL's pg_ roles), and \\dp only their own tables.
     */
    @Test
    void aLearnersPsqlCommandsNameNoOtherSandboxNorTheAdmin() {
        LabClient a = new LabClient(port);
        JsonNode own = a.connection();
        JsonNode other = new LabClient(port).connection();
        String otherRole = other.get("user").asString();
        String otherDatabase = other.get("database").asString();
        for (String command : new String[] {
            "\\du",
            "\\dg+",
            "\\duS",
            "\\du *",
            "\\du " + otherRole,
            "\\dg lr_*",
            "\\l",
            "\\l+",
            "\\l *",
            "\\l " + otherDatabase,
            "\\dp",
            "\\dpS",
            "\\z *"
        }) {
            JsonNode result = a.one(command);
            assertThat(result.get("kind").asString()).as(command).isEqualTo("meta");
            String text = result.get("text").asString();
            assertThat(text).as(command).doesNotContain(otherRole, otherDatabase);
            if (command.startsWith("\\d") && !command.startsWith("\\dp")) {
                assertThat(firstColumn(text))
                        .as(command)
                        .allMatch(role -> role.equals(own.get("user").asString()) || role.startsWith("pg_"));
            } else if (command.startsWith("\\l")) {
                assertThat(firstColumn(text))
                        .as(command)
                        .isSubsetOf(own.get("database").asString());
            }
        }
        assertThat(firstColumn(a.one("\\du").get("text").asString()))
                .containsExactly(own.get("user").asString());
        assertThat(firstColumn(a.one("\\l").get("text").asString()))
                .containsExactly(own.get("database").asString());
    }

    /** The first cell of each row of a table psql laid out, without the cells a multi-line value continues in. */
    private static List<String> firstColumn(String table) {
        List<String> lines = table.lines().toList();
        int rule = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("---"))
                .findFirst()
                .orElseThrow());
        return lines.subList(rule + 1, lines.size()).stream()
                .filter(line -> line.startsWith(" ") && line.contains("|"))
                .map(line -> line.substring(0, line.indexOf('|')).strip())
                .filter(cell -> !cell.isEmpty())
                .toList();
    }

    @Test
    void aLearnerCannotReadServerFilesOrRunPrograms() {
        LabClient learner = new LabClient(port);
        for (String sql : new String[] {
            "select pg_read_file('/etc/passwd')",
            "select pg_ls_dir('.')",
            "create table stolen (line text); copy stolen from '/etc/passwd'",
            "copy (select 1) to program 'id'",
            "select lo_import('/etc/passwd')",
            "create extension file_fdw",
            "create extension dblink"
        }) {
            JsonNode results = learner.run(sql).get("results");
            JsonNode last = results.get(results.size() - 1);
            assertThat(last.get("kind").asString()).as(sql).isEqualTo("error");
            assertThat(last.get("sqlstate").asString()).as(sql).isIn("42501", "58P01", "0A000", "42883");
        }
    }

    /** Through the lab's run path: PostgreSQL's own answer, as for any statement, never an HTTP error. */
    @Test
    void aLearnerMayAddSchemasAndTrustedExtensionsButNotUntrustedOnes() {
        LabClient learner = new LabClient(port);
        JsonNode results = learner.run(
                        """
                create schema mine;
                create table mine.things (id int);
                create extension hstore;
                select 'a=>1'::hstore -> 'a';
                create extension pageinspect;
                create extension pg_visibility;
                select count(*) from lab.my_sessions where pid = pg_backend_pid();
                """)
                .get("results");
        assertThat(results.get(0).get("tag").asString()).isEqualTo("CREATE SCHEMA");
        assertThat(results.get(1).get("tag").asString()).isEqualTo("CREATE TABLE");
        assertThat(results.get(2).get("tag").asString()).isEqualTo("CREATE EXTENSION");
        assertThat(results.get(3).get("rows").get(0).get(0).asString()).isEqualTo("1");
        for (int untrusted : new int[] {4, 5}) {
            JsonNode refused = results.get(untrusted);
            assertThat(refused.get("kind").asString()).isEqualTo("error");
            assertThat(refused.get("sqlstate").asString()).isEqualTo("42501");
            assertThat(refused.get("message").asString()).startsWith("permission denied to create extension");
        }
        assertThat(results.get(6).get("rows").get(0).get(0).asString())
                .as("lab.my_sessions shows the lab's own connection, which runs as the learner's role")
                .isEqualTo("1");
    }

    @Test
    void aLearnerCannotBecomeSomeoneElse() {
        LabClient a = new LabClient(port);
        String otherRole = new LabClient(port).connection().get("user").asString();
        for (String sql : new String[] {
            "set role " + otherRole,
            "set session authorization " + otherRole,
            "set role postgres",
            "select set_config('role', 'postgres', false)",
            "reset role; select current_user"
        }) {
            JsonNode results = a.run(sql).get("results");
            JsonNode first = results.get(0);
            if (sql.startsWith("reset role")) {
                assertThat(results.get(1).get("rows").get(0).get(0).asString()).startsWith("lr_");
            } else {
                assertThat(first.get("kind").asString()).as(sql).isEqualTo("error");
                assertThat(first.get("message").asString()).as(sql).containsAnyOf("permission denied", "must be");
            }
        }
    }

    @Test
    void advisoryLocksAreNotAvailable() {
        JsonNode result = new LabClient(port).one("select pg_advisory_lock(1)");
        assertThat(result.get("kind").asString()).isEqualTo("error");
        assertThat(result.get("message").asString()).contains("permission denied for function pg_advisory_lock");
    }

    @Test
    void theLearnerOwnsTheTablesButNotTheDatabase() {
        LabClient learner = new LabClient(port);
        JsonNode owner = learner.one("select tableowner = current_user from pg_tables where tablename = 'customers'");
        assertThat(owner.get("rows").get(0).get(0).asString()).isEqualTo("t");
        JsonNode alter = learner.one(
                "alter database " + learner.connection().get("database").asString() + " connection limit 100");
        assertThat(alter.get("kind").asString()).isEqualTo("error");
        assertThat(alter.get("message").asString()).contains("must be owner");
    }

    @Test
    void thePlatformDatabaseIsAnotherClusterTheLearnerCannotReach() {
        JsonNode learner = new LabClient(port).connection();
        String platformUrl = platform.sql("select 'port ' || current_setting('port')")
                .query(String.class)
                .single();
        assertThat(platformUrl).isNotEqualTo("port " + learner.get("port").asInt());
        JsonNode tables = new LabClient(port).one("select count(*) from pg_tables where tablename = 'content_lesson'");
        assertThat(tables.get("rows").get(0).get(0).asString()).isEqualTo("0");
    }

    private static Connection connect(JsonNode details, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", details.get("user").asString());
        properties.setProperty("password", details.get("password").asString());
        return DriverManager.getConnection(
                "jdbc:postgresql://" + details.get("host").asString() + ":"
                        + details.get("port").asInt() + "/" + database,
                properties);
    }
}
