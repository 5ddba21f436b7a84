package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a run returns: one result per statement, like psql, through the public API. */
@IntegrationTest
class LabRunTest {

    @LocalServerPort
    int port;

    @Test
    void oneResultPerStatementWithRowsTagsTypesAndNotices() {
        LabClient learner = new LabClient(port);
        JsonNode results = learner.run(
                        """
                select c.id, email, balance from customers c join accounts a on a.customer_id = c.id
                order by a.id limit 3;
                update accounts set balance = balance where id <= 2;
                do $$ begin raise notice 'hello from plpgsql'; end $$;
                create table scratch (id int);
                """)
                .get("results");
        assertThat(results.size()).isEqualTo(4);

        JsonNode rows = results.get(0);
        assertThat(rows.get("kind").asString()).isEqualTo("rows");
        assertThat(rows.get("columns").toString())
                .contains("{\"name\":\"id\",\"type\":\"integer\"}")
                .contains("{\"name\":\"balance\",\"type\":\"numeric(12,2)\"}");
        assertThat(rows.get("rowCount").asInt()).isEqualTo(3);
        assertThat(rows.get("tag").asString()).isEqualTo("SELECT 3");
        assertThat(rows.get("source").get("offset").asInt()).isZero();

        assertThat(results.get(1).get("tag").asString()).isEqualTo("UPDATE 2");
        assertThat(results.get(2).get("tag").asString()).isEqualTo("DO");
        assertThat(results.get(2)
                        .get("source")
                        .get("notices")
                        .get(0)
                        .get("message")
                        .asString())
                .isEqualTo("hello from plpgsql");
        assertThat(results.get(2)
                        .get("source")
                        .get("notices")
                        .get(0)
                        .get("severity")
                        .asString())
                .isEqualTo("NOTICE");
        assertThat(results.get(3).get("tag").asString()).isEqualTo("CREATE TABLE");
    }

    @Test
    void valuesArePostgresqlsOwnTextAndNullStaysNull() {
        JsonNode row = new LabClient(port)
                .one("select 1.50::numeric(5,2), true, null::text, '2026-05-28 10:00+00'::timestamptz, array[1,2]")
                .get("rows")
                .get(0);
        assertThat(row.get(0).asString()).isEqualTo("1.50");
        assertThat(row.get(1).asString()).isEqualTo("t");
        assertThat(row.get(2).isNull()).isTrue();
        assertThat(row.get(3).asString()).isEqualTo("2026-05-28 10:00:00+00");
        assertThat(row.get(4).asString()).isEqualTo("{1,2}");
    }

    @Test
    void anErrorCarriesPostgresqlsFieldsAndItsPositionInTheWholeScript() {
        JsonNode results = new LabClient(port)
                .run("select 1;\nselect id,\n       nme from customers;")
                .get("results");
        JsonNode error = results.get(1);
        assertThat(error.get("kind").asString()).isEqualTo("error");
        assertThat(error.get("sqlstate").asString()).isEqualTo("42703");
        assertThat(error.get("message").asString()).isEqualTo("column \"nme\" does not exist");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isEqualTo(8);
        assertThat(error.get("position").asInt()).isEqualTo("select 1;\nselect id,\n       ".length());
        JsonNode hinted = new LabClient(port).one("select full_nme from customers");
        assertThat(hinted.get("hint").asString()).contains("full_name");
    }

    @Test
    void copyAndBackslashCopyTakeTheirRowsFromBelowAndPrintToTheResultsAsAPsqlScriptDoes() {
        JsonNode results = new LabClient(port)
                .run(
                        """
                create table pets (id integer, name text);
                copy pets from stdin;
                1\tRex
                2\tFelix
                \\.
                select count(*) from pets;
                copy pets to stdout;
                copy pets from stdin with (format csv);
                3,Nemo
                x,Bad
                \\.
                select 'still running';
                \\copy pets from stdin
                4\tGoldie
                \\.
                \\copy (select name from pets order by id) to stdout
                """)
                .get("results");
        assertThat(results.size()).isEqualTo(8);
        assertThat(results.get(1).get("tag").asString()).isEqualTo("COPY 2");
        assertThat(results.get(2).get("rows").get(0).get(0).asString()).isEqualTo("2");
        assertThat(results.get(3).get("kind").asString()).isEqualTo("meta");
        assertThat(results.get(3).get("text").asString()).isEqualTo("1\tRex\n2\tFelix\n");
        JsonNode bad = results.get(4);
        assertThat(bad.get("kind").asString()).isEqualTo("error");
        assertThat(bad.get("message").asString()).isEqualTo("invalid input syntax for type integer: \"x\"");
        assertThat(bad.get("detail").asString()).as("which row").contains("COPY pets, line 2");
        assertThat(results.get(5).get("rows").get(0).get(0).asString()).isEqualTo("still running");
        assertThat(results.get(6).get("tag").asString())
                .as("psql's \\copy, the same through the connection")
                .isEqualTo("COPY 1");
        assertThat(results.get(7).get("text").asString()).isEqualTo("Rex\nFelix\nGoldie\n");
    }

    @Test
    void expandedAndTimingApplyStatementByStatementAsInPsql() {
        JsonNode results = new LabClient(port)
                .run("\\x\nselect 1 as a;\n\\x\nselect 2 as b;\n\\timing\nselect 3 as c;\n\\timing\nselect 4 as d;")
                .get("results");
        assertThat(results.get(1).get("text").asString()).startsWith("-[ RECORD 1 ]");
        assertThat(results.get(3).get("text").isNull()).as("\\x was off again").isTrue();
        assertThat(results.get(5).get("source").get("timed").asBoolean()).isTrue();
        assertThat(results.get(7).get("source").get("timed").asBoolean()).isFalse();
        assertThat(results.get(4).get("source").get("timed").asBoolean())
                .as("psql times SQL, not its own commands")
                .isFalse();
    }

    @Test
    void metaCommandsAnswerLikePsqlAndSettingsLastForTheSession() {
        LabClient learner = new LabClient(port);
        JsonNode describe = learner.one("\\d customers");
        assertThat(describe.get("kind").asString()).isEqualTo("meta");
        assertThat(describe.get("text").asString().strip())
                .startsWith("Table \"public.customers\"")
                .contains("Indexes:")
                .contains("\"customers_pkey\" PRIMARY KEY, btree (id)");

        JsonNode toggled = learner.run("\\x");
        assertThat(toggled.get("results").get(0).get("text").asString()).isEqualTo("Expanded display is on.");
        assertThat(toggled.get("settings").get("expanded").asBoolean()).isTrue();
        JsonNode expanded = learner.one("select id, email from customers order by id limit 1");
        assertThat(expanded.get("text").asString()).startsWith("-[ RECORD 1 ]").contains("email | ");

        JsonNode unsupported = learner.one("\\copy customers to 'x.csv'");
        assertThat(unsupported.get("failed").asBoolean()).isTrue();
        assertThat(unsupported.get("text").asString()).contains("not supported in the lab");
    }

    @Test
    void psetAndVariablesLastForTheSessionAndGSendsTheQuery() {
        LabClient learner = new LabClient(port);
        JsonNode set = learner.run("\\pset border 2\n\\t\n\\set wanted 2");
        assertThat(set.get("settings").get("print").get("border").asInt()).isEqualTo(2);
        assertThat(set.get("settings").get("variables").get("wanted").asString())
                .isEqualTo("2");

        JsonNode rows = learner.one("select :wanted::int as n \\g");
        assertThat(rows.get("kind").asString()).isEqualTo("rows");
        assertThat(rows.get("text").asString()).as("border 2, tuples only").isEqualTo("| 2 |\n+---+");
        assertThat(rows.get("rows").get(0).get(0).asString()).isEqualTo("2");

        JsonNode refused = learner.one("select 1 \\g /tmp/out");
        assertThat(refused.get("failed").asBoolean()).isTrue();
        assertThat(refused.get("text").asString()).contains("not supported in the lab");

        String script = "\\set n 1\nselect :n + nope;\n\\g";
        JsonNode errors = learner.run(script).get("results");
        assertThat(errors.get(1).get("kind").asString()).isEqualTo("error");
        assertThat(errors.get(1).get("column").asInt())
                .as("where nope is in the learner's own text")
                .isEqualTo(13);
        JsonNode again = errors.get(2);
        assertThat(again.get("kind").asString())
                .as("\\g alone runs the previous query again")
                .isEqualTo("error");
        assertThat(again.get("source").get("offset").asInt()).isEqualTo(script.lastIndexOf("\\g"));
        assertThat(again.get("source").get("length").asInt()).isEqualTo(2);
        assertThat(again.get("position").isNull())
                .as("the query is not at the \\g")
                .isTrue();
    }

    @Test
    void explainAnalyzeRunsTheStatementOnceAndReturnsTextAndTree() {
        LabClient learner = new LabClient(port);
        learner.run("create table once (n int)");
        JsonNode plan = learner.one("explain analyze insert into once values (1)");
        assertThat(plan.get("kind").asString()).isEqualTo("plan");
        assertThat(plan.get("text").asString()).startsWith("Insert on once").contains("actual time=");
        assertThat(plan.get("tree").get("nodeType").asString()).isEqualTo("ModifyTable");
        assertThat(plan.get("executionMs").asDouble()).isPositive();
        assertThat(learner.one("select count(*) from once")
                        .get("rows")
                        .get(0)
                        .get(0)
                        .asString())
                .as("executed exactly once")
                .isEqualTo("1");

        JsonNode subplan = learner.one(
                        "explain select id, (select count(*) from accounts a where a.customer_id = c.id) "
                                + "from customers c")
                .get("tree");
        assertThat(subplan.get("children").get(0).get("label").asString()).isEqualTo("SubPlan 1");

        JsonNode tree = learner.one("explain analyze select * from bookings where customer_id = 42")
                .get("tree");
        assertThat(tree.get("nodeType").asString()).isIn("Seq Scan", "Gather");
        assertThat(tree.get("mostExpensive").asBoolean() || tree.get("children").size() > 0)
                .isTrue();
    }

    @Test
    void anEmptyScriptRunsNothing() {
        assertThat(new LabClient(port)
                        .run("  -- just a comment\n")
                        .get("results")
                        .size())
                .isZero();
    }

    @Test
    void connectionDetailsLetTheLearnersOwnClientIn() throws Exception {
        JsonNode details = new LabClient(port).connection();
        assertThat(details.get("psql").asString()).startsWith("psql 'postgresql://lr_");
        var properties = new java.util.Properties();
        properties.setProperty("user", details.get("user").asString());
        properties.setProperty("password", details.get("password").asString());
        try (var connection = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://" + details.get("host").asString() + ":"
                                + details.get("port").asInt() + "/"
                                + details.get("database").asString(),
                        properties);
                var rows = connection.createStatement().executeQuery("select count(*) from customers")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(30);
        }
    }

    @Test
    void theSchemaPanelListsTheSandboxTables() {
        LabClient learner = new LabClient(port);
        HttpResponse<String> schema = learner.http().getJson(LabClient.LESSON + "/schema");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("\"name\":\"customers\"").contains("\"name\":\"email\",\"type\":\"text\"");
    }
}
