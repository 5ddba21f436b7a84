package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.netverks.CommandRunner;
import org.netverks.CommandRunner.Result;
import org.netverks.IntegrationTest;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.SandboxServers;
import org.netverks.learner.Inbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code sandboxes list|drop} run in-process against the running test app: its platform database
 * and its embedded sandbox cluster, both found through their pid files and password files, as an
 * operator's command finds them beside a running app.
 */
@IntegrationTest
class SandboxesCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient platform;

    @Autowired
    SandboxServers servers;

    private Result command(String... args) {
        return CommandRunner.run(environment, args);
    }

    @Test
    void listShowsEachSandboxWithItsOwnerAndDropGivesTheLearnerAFreshCopyAtTheirNextRun() throws SQLException {
        LabClient learner = new LabClient(port);
        String email = "sandboxed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Inbox.signUpAndConfirm(learner.http(), email, "Sandboxed", "a long enough passphrase");
        learner.run("create table kept (note text); insert into kept values ('mine')");
        String database = learner.connection().get("database").asString();
        LabClient anonymous = new LabClient(port);
        String anonymousDatabase = anonymous.connection().get("database").asString();

        Result list = command("sandboxes", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .startsWith("DATABASE")
                .contains("DATASET", "OWNER", "SERVER", "CREATED (UTC)", "LAST USED (UTC)")
                .containsPattern(row(database, email))
                .containsPattern(row(anonymousDatabase, "anonymous"))
                .containsPattern("(?m)^\\d+ sandbox\\(es\\)\\.$");
        String dataset = platform.sql("select dataset from lab_sandbox where database_name = :database")
                .param("database", database)
                .query(String.class)
                .single();
        assertThat(command("sandboxes", "list", "--dataset", dataset).out()).contains(database);
        assertThat(command("sandboxes", "list", "--dataset", "no-such-dataset").out())
                .isEqualTo("No sandboxes of dataset no-such-dataset." + System.lineSeparator());

        Result drop = command("sandboxes", "drop", database);
        assertThat(drop.exitCode()).as(drop.err()).isZero();
        assertThat(drop.out())
                .isEqualTo("Dropped " + database + " (dataset " + dataset + ") and its role on embedded."
                        + System.lineSeparator());
        assertThat(existsOnServer("select 1 from pg_database where datname = ?", database))
                .isFalse();
        assertThat(command("sandboxes", "list").out()).doesNotContain(database);

        JsonResult fresh = new JsonResult(learner.one("select to_regclass('kept') is null as gone"));
        assertThat(fresh.firstCell())
                .as("a pristine copy, without the learner's table")
                .isEqualTo("t");
        String newDatabase = learner.connection().get("database").asString();
        assertThat(newDatabase).isNotEqualTo(database);
        assertThat(command("sandboxes", "list").out()).containsPattern(row(newDatabase, email));
    }

    @Test
    void dropSaysWhichSandboxesItDidNotFindAndExitsWithOne() {
        Result drop = command("sandboxes", "drop", "sb_000000000000");
        assertThat(drop.exitCode()).isEqualTo(1);
        assertThat(drop.err())
                .contains(
                        "No sandbox has the database sb_000000000000 ('sandboxes list' shows them).",
                        "1 of 1 sandbox(es) not dropped.")
                .doesNotContain("Exception");
    }

    @Test
    void aSandboxOnAServerTheCommandHasNoCredentialsForIsNotDroppedAndKeepsItsRecord() {
        String database = new LabClient(port).connection().get("database").asString();
        SandboxServer embedded = servers.all().get(0);
        // the same server, but listed as an operator's server: its id differs from the record's "embedded"
        org.springframework.core.env.StandardEnvironment listed =
                new org.springframework.core.env.StandardEnvironment();
        listed.getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "servers",
                        java.util.Map.of(
                                "netverks.lab.servers",
                                "postgresql://" + embedded.adminUser() + ":" + embedded.adminPassword() + "@localhost:"
                                        + embedded.port())));
        ((org.springframework.core.env.ConfigurableEnvironment) environment)
                .getPropertySources().stream()
                        // not the app's view of its own sources, which the binder would read instead of these
                        .filter(source -> !source.getName().equals("configurationProperties"))
                        .forEach(source -> listed.getPropertySources().addLast(source));

        Result drop = CommandRunner.run(listed, "sandboxes", "drop", database);
        assertThat(drop.exitCode()).isEqualTo(1);
        assertThat(drop.err())
                .contains(database + ": its server embedded is not in NETVERKS_LAB_SERVERS here. Nothing dropped.");
        assertThat(command("sandboxes", "list").out()).contains(database);
    }

    /**
     * A learner's sandbox unused for 20 minutes (made here, so that no run and no reclaim pass of
     * the app touches it meanwhile: the app reclaims at 30) goes with --idle-for 15m.
     */
    @Test
    void dropIdleForRemovesTheLearnersSandboxesUnusedThatLong() throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String database = "sb_" + suffix;
        String role = "lr_" + suffix;
        try (Connection admin = admin("postgres")) {
            admin.createStatement().execute("create role " + role);
            admin.createStatement().execute("create database " + database);
        }
        platform.sql(
                        """
                insert into lab_sandbox (id, server_id, dataset, template, database_name, role_name, role_password,
                                         owner_key, claimed_at, last_used_at)
                values (:id, 'embedded', 'idle', 'idle', :database, :role, 'unused', :owner, now(),
                        now() - interval '20 minutes')""")
                .param("id", UUID.randomUUID())
                .param("database", database)
                .param("role", role)
                .param("owner", "anon:" + UUID.randomUUID())
                .update();

        Result drop = command("sandboxes", "drop", "--idle-for", "15m");
        assertThat(drop.exitCode()).as(drop.err()).isZero();
        assertThat(drop.out()).contains("Dropped " + database + " (dataset idle) and its role on embedded.");
        assertThat(existsOnServer("select 1 from pg_database where datname = ?", database))
                .isFalse();
        assertThat(existsOnServer("select 1 from pg_roles where rolname = ?", role))
                .isFalse();

        Result none = command("sandboxes", "drop", "--idle-for", "3650d");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out())
                .isEqualTo("No learner's sandbox has been unused for 3650d: nothing to drop." + System.lineSeparator());
    }

    private static String row(String database, String owner) {
        return "(?m)^" + Pattern.quote(database) + " +\\S+ +" + Pattern.quote(owner) + " +embedded +";
    }

    private boolean existsOnServer(String sql, String name) throws SQLException {
        try (Connection admin = admin("postgres");
                PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private Connection admin(String database) throws SQLException {
        SandboxServer server = servers.all().get(0);
        Properties properties = new Properties();
        properties.setProperty("user", server.adminUser());
        properties.setProperty("password", server.adminPassword());
        return DriverManager.getConnection(server.jdbcUrl(database), properties);
    }

    /** The first cell of a one-row result of the lab's JSON. */
    private record JsonResult(tools.jackson.databind.JsonNode result) {
        String firstCell() {
            assertThat(result.get("kind").asString()).as(result.toString()).isEqualTo("rows");
            return result.get("rows").get(0).get(0).asString();
        }
    }
}
