package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A learner's own psql, on the connection details the lab shows: the catalog commands work as
 * the learner's role, and what they show of other learners is names that say nothing.
 */
@IntegrationTest
class OwnPsqlTest {

    private static final Path PSQL = Path.of("/usr/bin/psql");

    @LocalServerPort
    int port;

    @Test
    void realPsqlDescribesAndListsAsTheLearnersRole() throws Exception {
        assumeTrue(
                Files.isExecutable(PSQL), "no psql client at " + PSQL + ": install postgresql-client to run this test");
        JsonNode details = new LabClient(port).connection();
        List<String> commands = new ArrayList<>(List.of(
                "\\d customers",
                "\\d+ customers",
                "\\dt",
                "\\du",
                "\\du+",
                "\\dp",
                "\\dn",
                "\\dn+",
                "\\df",
                "\\conninfo"));
        if (psqlMajorVersion() >= 17) {
            // psql 15 and 16 read pg_database.daticulocale, which PostgreSQL 17 renamed: their \l fails on any
            // PostgreSQL 17 server, so it is proved with psql 17's own query below
            commands.add("\\l");
        }
        Psql psql = psql(details.get("uri").asString(), commands);

        assertThat(psql.stderr()).as("psql's errors").doesNotContain("ERROR", "permission denied");
        assertThat(psql.exitCode()).isZero();
        assertThat(psql.stdout())
                .contains(
                        "Table \"public.customers\"",
                        "List of relations",
                        "List of roles",
                        "Access privileges",
                        "List of schemas",
                        "List of functions",
                        "You are connected to database \""
                                + details.get("database").asString() + "\" as user \""
                                + details.get("user").asString() + "\"");
    }

    @Test
    void theLabsDescribeShowsWhatPsqlShows() throws Exception {
        assumeTrue(
                Files.isExecutable(PSQL), "no psql client at " + PSQL + ": install postgresql-client to run this test");
        LabClient learner = new LabClient(port);
        JsonNode lab = learner.one("\\d customers");
        assertThat(lab.get("failed").asBoolean()).isFalse();

        Psql psql = psql(learner.connection().get("uri").asString(), List.of("\\d customers"));

        assertThat(psql.exitCode()).isZero();
        assertThat(psql.stdout().strip()).isEqualTo(lab.get("text").asString().strip());
    }

    /** The catalog queries psql 17 sends for \l, \l+, \du and \du+, verbatim from psql -E. */
    @Test
    void psql17sCatalogQueriesWorkAsTheLearnersRole() throws SQLException {
        JsonNode details = new LabClient(port).connection();
        try (Connection connection = LabClient.connect(details);
                Statement statement = connection.createStatement()) {
            List<String> databases = column(statement, PSQL17_LIST_DATABASES, 1);
            assertThat(databases).contains(details.get("database").asString());
            List<String> sizes = column(statement, PSQL17_LIST_DATABASES_VERBOSE, 10);
            assertThat(sizes).contains("No Access").anyMatch(size -> size.endsWith("MB") || size.endsWith("kB"));
            assertThat(column(statement, PSQL17_LIST_ROLES, 1))
                    .contains(details.get("user").asString());
            assertThat(column(statement, PSQL17_LIST_ROLES_VERBOSE, 1))
                    .contains(details.get("user").asString());
        }
    }

    @Test
    void whatALearnerSeesOfOthersIsOnlyOpaqueNames() throws SQLException {
        JsonNode other = new LabClient(port).connection();
        JsonNode details = new LabClient(port).connection();
        try (Connection connection = LabClient.connect(details);
                Statement statement = connection.createStatement()) {
            assertThat(column(statement, "select datname from pg_database", 1))
                    .contains(other.get("database").asString())
                    .allMatch(
                            name -> name.matches("(sb|gr)_[a-z0-9]{12}|tpl_[a-z0-9_]+|postgres|template[01]"),
                            "random or ours");
            assertThat(column(statement, "select rolname from pg_roles", 1))
                    .contains(other.get("user").asString())
                    .allMatch(
                            name -> name.matches("(lr|gu)_[a-z0-9]{12}|pg_[a-z_]+|postgres|netverks_dataset_owner"),
                            "random or ours");
            assertThat(column(statement, "select distinct rolpassword from pg_roles", 1))
                    .containsExactly("********");
            for (String hidden : new String[] {
                "select rolpassword from pg_authid",
                "select usename, application_name, client_addr, backend_start from pg_stat_activity",
                "select * from pg_locks",
                "select * from pg_db_role_setting",
                "select * from pg_stat_database",
                "select * from pg_stat_ssl"
            }) {
                assertThatThrownBy(() -> statement.executeQuery(hidden).close())
                        .as(hidden)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    private record Psql(int exitCode, String stdout, String stderr) {}

    /** Runs the real psql as a learner would, each command with -c, stopping at the first error. */
    private static Psql psql(String uri, List<String> commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(PSQL.toString(), "--no-psqlrc", "--no-password", "-v", "ON_ERROR_STOP=1", "--dbname", uri));
        commands.forEach(c -> command.addAll(List.of("-c", c)));
        Path out = Files.createTempFile("psql", ".out");
        Path err = Files.createTempFile("psql", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("PAGER", "");
            builder.environment().put("PGCLIENTENCODING", "UTF8");
            builder.environment().put("COLUMNS", "200");
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("psql did not finish within 60 s");
            }
            return new Psql(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static int psqlMajorVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PSQL.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        java.util.regex.Matcher major =
                java.util.regex.Pattern.compile("(\\d+)\\.").matcher(version);
        return major.find() ? Integer.parseInt(major.group(1)) : 0;
    }

    private static List<String> column(Statement statement, String sql, int column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(column));
            }
        }
        return values;
    }

    private static final String PSQL17_LIST_DATABASES =
            """
            SELECT
              d.datname as "Name",
              pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
              pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",
              CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider",
              d.datcollate as "Collate",
              d.datctype as "Ctype",
              d.datlocale as "Locale",
              d.daticurules as "ICU Rules",
              CASE WHEN pg_catalog.array_length(d.datacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(d.datacl, E'\\n') END AS "Access privileges"
            FROM pg_catalog.pg_database d
            ORDER BY 1;""";

    private static final String PSQL17_LIST_DATABASES_VERBOSE =
            """
            SELECT
              d.datname as "Name",
              pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
              pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",
              CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider",
              d.datcollate as "Collate",
              d.datctype as "Ctype",
              d.datlocale as "Locale",
              d.daticurules as "ICU Rules",
              CASE WHEN pg_catalog.array_length(d.datacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(d.datacl, E'\\n') END AS "Access privileges",
              CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')
                   THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))
                   ELSE 'No Access'
              END as "Size",
              t.spcname as "Tablespace",
              pg_catalog.shobj_description(d.oid, 'pg_database') as "Description"
            FROM pg_catalog.pg_database d
              JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid
            ORDER BY 1;""";

    private static final String PSQL17_LIST_ROLES =
            """
            SELECT r.rolname, r.rolsuper, r.rolinherit,
              r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
              r.rolconnlimit, r.rolvaliduntil
            , r.rolreplication
            , r.rolbypassrls
            FROM pg_catalog.pg_roles r
            WHERE r.rolname !~ '^pg_'
            ORDER BY 1;""";

    private static final String PSQL17_LIST_ROLES_VERBOSE =
            """
            SELECT r.rolname, r.rolsuper, r.rolinherit,
              r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
              r.rolconnlimit, r.rolvaliduntil
            , pg_catalog.shobj_description(r.oid, 'pg_authid') AS description
            , r.rolreplication
            , r.rolbypassrls
            FROM pg_catalog.pg_roles r
            WHERE r.rolname !~ '^pg_'
            ORDER BY 1;""";
}
