package org.netverks.lab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netverks.lab.PracticeDatabase;

/** Reading a learner's EXPLAIN and rewriting it to FORMAT JSON without changing anything else. */
class ExplainStatementTest {

    private static ExplainStatement parse(String sql) {
        return ExplainStatement.parse(sql).orElseThrow();
    }

    @Test
    void plainExplainGetsAnOptionList() {
        assertThat(parse("EXPLAIN SELECT * FROM bookings"))
                .isEqualTo(new ExplainStatement(false, "EXPLAIN (FORMAT JSON) SELECT * FROM bookings", "text"));
    }

    @Test
    void keywordFormsBecomeOptions() {
        assertThat(parse("EXPLAIN ANALYZE SELECT 1"))
                .isEqualTo(new ExplainStatement(true, "EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1", "text"));
        assertThat(parse("EXPLAIN ANALYZE VERBOSE SELECT 1"))
                .isEqualTo(new ExplainStatement(true, "EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) SELECT 1", "text"));
        assertThat(parse("EXPLAIN VERBOSE SELECT 1"))
                .isEqualTo(new ExplainStatement(false, "EXPLAIN (VERBOSE, FORMAT JSON) SELECT 1", "text"));
        assertThat(parse("explain analyse select 1"))
                .isEqualTo(new ExplainStatement(true, "explain (analyse, FORMAT JSON) select 1", "text"));
    }

    @Test
    void optionListKeepsEveryOptionAsWritten() {
        assertThat(parse("EXPLAIN (ANALYZE, BUFFERS, COSTS off) DELETE FROM bookings WHERE id = 1"))
                .isEqualTo(new ExplainStatement(
                        true,
                        "EXPLAIN (ANALYZE, BUFFERS, COSTS off, FORMAT JSON) DELETE FROM bookings WHERE id = 1",
                        "text"));
    }

    @Test
    void formatTextIsReplacedAndOtherValuesKept() {
        assertThat(parse("explain (analyze true, format text) select * from orders"))
                .isEqualTo(
                        new ExplainStatement(true, "explain (analyze true, FORMAT JSON) select * from orders", "text"));
        assertThat(parse("EXPLAIN (FORMAT TEXT, SETTINGS ON) SELECT 1").jsonSql())
                .isEqualTo("EXPLAIN (SETTINGS ON, FORMAT JSON) SELECT 1");
        assertThat(parse("EXPLAIN (GENERIC_PLAN, format \"text\") SELECT * FROM bookings WHERE id = $1")
                        .jsonSql())
                .isEqualTo("EXPLAIN (GENERIC_PLAN, FORMAT JSON) SELECT * FROM bookings WHERE id = $1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "EXPLAIN (ANALYZE false) SELECT 1",
                "EXPLAIN (analyze off) SELECT 1",
                "EXPLAIN (ANALYZE 0) SELECT 1",
                "EXPLAIN (ANALYZE 'OFF') SELECT 1",
                "EXPLAIN (ANALYZE, ANALYZE FALSE) SELECT 1",
                "EXPLAIN (VERBOSE) SELECT 1"
            })
    void analyzeSwitchedOffOrAbsentDoesNotRun(String sql) {
        assertThat(parse(sql).analyze()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "EXPLAIN (ANALYZE) SELECT 1",
                "EXPLAIN (ANALYZE TRUE) SELECT 1",
                "EXPLAIN (analyze on) SELECT 1",
                "EXPLAIN (ANALYZE 1) SELECT 1",
                "EXPLAIN (ANALYZE false, ANALYZE) SELECT 1",
                "EXPLAIN (ANALYSE) SELECT 1",
                "ExPlAiN AnAlYzE SeLeCt 1"
            })
    void analyzeSwitchedOnRuns(String sql) {
        assertThat(parse(sql).analyze()).isTrue();
    }

    @Test
    void commentsAndNewlinesAnywhere() {
        String sql = "/* why */ EXPLAIN -- the lesson asks for it\n ANALYZE /* still */ SELECT 1";
        assertThat(parse(sql))
                .isEqualTo(new ExplainStatement(
                        true, "/* why */ EXPLAIN (ANALYZE, FORMAT JSON) /* still */ SELECT 1", "text"));

        String spread = "EXPLAIN\n(\n  ANALYZE, -- run it\n  /* a, b */ BUFFERS\n)\nSELECT 1;";
        assertThat(parse(spread).jsonSql()).isEqualTo("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)\nSELECT 1;");
    }

    @Test
    void theStatementIsKeptByteForByte() {
        String statement = "  SELECT 'EXPLAIN (FORMAT YAML)' AS \"Odd  Name\", $$x$$ -- trailing\n\t;  ";
        assertThat(parse("EXPLAIN ANALYZE" + statement).jsonSql())
                .isEqualTo("EXPLAIN (ANALYZE, FORMAT JSON)" + statement);
        assertThat(parse("EXPLAIN (COSTS OFF)" + statement).jsonSql())
                .isEqualTo("EXPLAIN (COSTS OFF, FORMAT JSON)" + statement);
    }

    @Test
    void aParenthesisedQueryIsTheStatementNotAnOptionList() {
        assertThat(parse("EXPLAIN (SELECT 1)").jsonSql()).isEqualTo("EXPLAIN (FORMAT JSON) (SELECT 1)");
        assertThat(parse("EXPLAIN ((SELECT 1) UNION (SELECT 2))").jsonSql())
                .isEqualTo("EXPLAIN (FORMAT JSON) ((SELECT 1) UNION (SELECT 2))");
        assertThat(parse("explain (values (1))").jsonSql()).isEqualTo("explain (FORMAT JSON) (values (1))");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 'EXPLAIN ANALYZE SELECT 1'",
                "-- EXPLAIN\nSELECT 1",
                "/* EXPLAIN */ DELETE FROM t",
                "/* nested /* EXPLAIN */ still a comment */ SELECT 1",
                "EXPLAINED SELECT 1",
                "\"explain\" SELECT 1",
                "WITH explain AS (SELECT 1) SELECT * FROM explain",
                "",
                "   ",
                "-- only a comment"
            })
    void otherStatementsAreNotExplains(String sql) {
        assertThat(ExplainStatement.parse(sql)).isEmpty();
    }

    @Test
    void otherFormatsAreLeftToPostgres() {
        assertThat(parse("EXPLAIN (FORMAT YAML) SELECT 1")).isEqualTo(new ExplainStatement(false, null, "yaml"));
        assertThat(parse("EXPLAIN (ANALYZE, FORMAT JSON) SELECT 1"))
                .isEqualTo(new ExplainStatement(true, null, "json"));
        assertThat(parse("explain (format 'xml') select 1")).isEqualTo(new ExplainStatement(false, null, "xml"));
        // as in PostgreSQL, the last FORMAT counts
        assertThat(parse("EXPLAIN (FORMAT YAML, FORMAT TEXT) SELECT 1").jsonSql())
                .isEqualTo("EXPLAIN (FORMAT JSON) SELECT 1");
    }

    @Test
    void anOptionListPostgresCannotReadIsLeftAsItIs() {
        String unterminated = "EXPLAIN (ANALYZE SELECT 1";
        assertThat(parse(unterminated).jsonSql()).isEqualTo(unterminated);
    }

    /** The rewritten statements are what PostgreSQL accepts, and fail where the learner's would. */
    @Test
    void rewrittenStatementsRunOnPostgres() throws Exception {
        try (Connection connection = PracticeDatabase.get().connectForPlans()) {
            for (String sql : new String[] {
                "EXPLAIN ANALYSE SELECT 1",
                "explain (analyze true, format text) select 1",
                "EXPLAIN (SELECT 1)",
                "EXPLAIN\n(\n  COSTS off -- c\n)\nSELECT 1"
            }) {
                String json = PracticeDatabase.queryText(connection, parse(sql).jsonSql());
                assertThat(json).as(sql).startsWith("[").contains("\"Node Type\": \"Result\"");
            }
            for (String invalid : new String[] {
                "EXPLAIN (FORMAT 'TEXT') SELECT 1", "EXPLAIN (FORMAT) SELECT 1", "EXPLAIN (ANALYZE maybe) SELECT 1"
            }) {
                String original = errorOf(connection, invalid);
                assertThat(original).as(invalid).isNotNull();
                assertThat(errorOf(connection, parse(invalid).jsonSql())).isEqualTo(original);
            }
        }
    }

    private static String errorOf(Connection connection, String sql) {
        try {
            PracticeDatabase.queryText(connection, sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
