package org.netverks.lab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netverks.lab.PracticeDatabase;

/**
 * The text we draw from FORMAT JSON is, character for character, what PostgreSQL prints in FORMAT
 * TEXT for the same statement, options and settings, on the same connection.
 *
 * <p>The JSON statement is the one {@link ExplainStatement#parse} makes of the learner's text, as in
 * the lab. Each statement runs in a savepoint that is rolled back, so DML changes nothing and both
 * formats see the same data. The text format runs once first to warm caches (buffer counts and
 * planner memory settle after the first run). The parallel cases are set up so that their counts do
 * not depend on how the workers shared the rows, but a few things can still differ between two runs
 * (a checkpoint's full-page writes, a worker that starts late), so a mismatch is retried twice
 * before it counts: a rendering mistake fails every time.
 */
class PlanTextEquivalenceTest {

    private static final Pattern ACTUAL_TIME = Pattern.compile("actual time=\\d+\\.\\d+\\.\\.\\d+\\.\\d+");
    private static final Pattern SUMMARY_TIME = Pattern.compile("(Planning|Execution) Time: \\d+\\.\\d+ ms");
    private static final Pattern OTHER_TIME = Pattern.compile("((?:Trigger .*|Serialization): )time=\\d+\\.\\d+ ");

    private final PlanRenderer renderer = new PlanRenderer();

    static Stream<Corpus.Case> corpus() {
        return Corpus.cases().stream();
    }

    static Stream<Corpus.Case> timedCorpus() {
        return Corpus.cases().stream()
                .filter(Corpus.Case::analyzedWithoutTimings)
                .map(Corpus.Case::timed);
    }

    @Test
    void theCorpusIsLargeAndMostlyAnalyzed() {
        assertThat(Corpus.cases()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(timedCorpus().count()).isGreaterThanOrEqualTo(25);
    }

    /** Exactly, that is; a few cases have timings, which are masked as in the next test. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void textFromJsonIsExactlyPostgresText(Corpus.Case example) throws Exception {
        boolean timed = example.hasTimings();
        Comparison result = compare(example, timed);
        for (String expected : example.expected()) {
            assertThat(result.postgres())
                    .as("PostgreSQL's plan for " + example.name())
                    .contains(expected);
        }
        if (timed) {
            assertThat(mask(result.ours())).isEqualTo(mask(result.postgres()));
        } else {
            assertThat(result.ours()).isEqualTo(result.postgres());
        }
    }

    /** Timings differ from run to run; with only their numbers masked, everything else must match. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("timedCorpus")
    void textFromJsonMatchesPostgresTextWithTimingsMasked(Corpus.Case example) throws Exception {
        Comparison result = compare(example, true);
        assertThat(result.postgres()).contains("actual time=").contains("Execution Time: ");
        assertThat(mask(result.ours())).isEqualTo(mask(result.postgres()));
    }

    private record Comparison(String ours, String postgres) {}

    private Comparison compare(Corpus.Case example, boolean masked) throws Exception {
        String jsonSql = ExplainStatement.parse(example.explain()).orElseThrow().jsonSql();
        try (Connection connection = PracticeDatabase.get().connectForPlans()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String setUp : example.setUp()) {
                    statement.execute(setUp);
                }
                inSavepoint(connection, example.explain());
                Comparison result = null;
                for (int attempt = 0; attempt < 3; attempt++) {
                    String ours =
                            renderer.render(inSavepoint(connection, jsonSql)).text();
                    String postgres = inSavepoint(connection, example.explain());
                    result = new Comparison(ours, postgres);
                    if (masked ? mask(ours).equals(mask(postgres)) : ours.equals(postgres)) {
                        break;
                    }
                }
                return result;
            } finally {
                connection.rollback();
            }
        }
    }

    private static String inSavepoint(Connection connection, String sql) throws SQLException {
        var savepoint = connection.setSavepoint();
        try {
            return PracticeDatabase.queryText(connection, sql);
        } finally {
            connection.rollback(savepoint);
        }
    }

    private static String mask(String text) {
        String masked = ACTUAL_TIME.matcher(text).replaceAll("actual time=#..#");
        masked = SUMMARY_TIME.matcher(masked).replaceAll("$1 Time: # ms");
        return OTHER_TIME.matcher(masked).replaceAll("$1time=# ");
    }
}
