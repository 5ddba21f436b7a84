package org.netverks.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.content.Catalog;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.netverks.content.Exercise;
import org.netverks.content.GradingRules;
import org.netverks.content.GradingRules.RowOrder;
import org.netverks.content.GradingRules.TypePolicy;
import org.netverks.content.PlanAssertion;
import org.netverks.content.TestExercise;
import org.netverks.lab.LabProperties;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.sandbox.SandboxService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every grading rule on a real PostgreSQL: answers run on fresh copies of small datasets made
 * for these tests, through the same grader the lab's Check button uses.
 */
@IntegrationTest
class GradingRulesTest {

    private static final String SCHEMA =
            """
            create table scores (id integer primary key, player text not null, team text,
                                 points numeric(6,2) not null, played date not null);""";
    private static final Dataset SCORES = Dataset.of(
            "grading-test",
            SCHEMA,
            """
            insert into scores values
              (1, 'ana', 'red',   10.50, '2024-01-01'), (2, 'bo',  'red',    7.25, '2024-01-02'),
              (3, 'cy',  'blue',   7.25, '2024-01-02'), (4, 'di',  'blue',   3.00, '2024-01-03'),
              (5, 'ed',  null,     3.00, '2024-01-04'), (6, 'fi',  'green',  1.10, '2024-01-05'),
              (7, 'gus', 'red',    0.95, '2024-01-05');""",
            "");
    private static final Dataset OTHER_SCORES = Dataset.of(
            "grading-test-other",
            SCHEMA,
            """
            insert into scores values
              (21, 'hal', 'red',  2.00, '2024-02-01'), (22, 'ivy', 'blue', 9.99, '2024-02-02'),
              (23, 'jo',  'blue', 4.40, '2024-02-03'), (24, 'kim', 'green', 6.00, '2024-02-04');""",
            "");

    @Autowired
    ScriptRunner runner;

    @Autowired
    SandboxService sandboxes;

    @Autowired
    LabProperties properties;

    @Autowired
    ContentCatalog content;

    private ExerciseGrader grader;
    private Catalog catalog;

    @BeforeEach
    void grader() {
        grader = new ExerciseGrader(runner, sandboxes, properties.runLimits());
        catalog = new Catalog(
                "test",
                List.of(),
                Map.of(
                        SCORES.name(),
                        SCORES,
                        OTHER_SCORES.name(),
                        OTHER_SCORES,
                        "practice",
                        content.current().dataset("practice").orElseThrow()));
    }

    private static GradingRules rules(
            RowOrder order, List<String> columns, boolean names, TypePolicy types, String tolerance) {
        return new GradingRules(order, columns, names, types, new BigDecimal(tolerance));
    }

    private static Exercise exercise(String solution, GradingRules rules) {
        return TestExercise.on(SCORES.name(), solution).rules(rules).build();
    }

    private static Exercise withCheck(String solution, String check) {
        return TestExercise.on(SCORES.name(), solution).check(check).build();
    }

    private ExerciseGrader.Verdict grade(Exercise exercise, String sql) throws Exception {
        return grader.grade(exercise, catalog, sql);
    }

    private static List<String> kinds(ExerciseGrader.Verdict verdict) {
        return verdict.feedback().stream().map(Feedback::kind).toList();
    }

    private static String text(ExerciseGrader.Verdict verdict) {
        return String.join(
                "\n", verdict.feedback().stream().map(Feedback::message).toList());
    }

    @Test
    void withoutAnOrderRuleAnyOrderIsRightAndMissingOrExtraRowsAreNamed() throws Exception {
        Exercise teams = exercise(
                "select team, count(*) as players from scores where team is not null group by team",
                GradingRules.DEFAULT);
        assertThat(grade(
                                teams,
                                "select team, count(*) as players from scores where team is not null "
                                        + "group by team order by team desc")
                        .correct())
                .isTrue();

        ExerciseGrader.Verdict missing = grade(
                teams, "select team, count(*) as players from scores " + "where team in ('red', 'blue') group by team");
        assertThat(missing.correct()).isFalse();
        assertThat(kinds(missing)).containsExactly("missing_rows");
        assertThat(text(missing))
                .contains("1 row that belongs in the result is missing (yours has 2 rows, the expected result 3)");

        ExerciseGrader.Verdict extra = grade(teams, "select team, count(*) as players from scores group by team");
        assertThat(kinds(extra)).containsExactly("extra_rows");
        Feedback shown = extra.feedback().get(0);
        assertThat(shown.columns()).containsExactly("team", "players");
        assertThat(shown.examples()).containsExactly(java.util.Arrays.asList(null, "1"));
    }

    @Test
    void whenRowsDifferInSomeColumnsTheFeedbackNamesThem() throws Exception {
        Exercise players = exercise("select id, player, points from scores", GradingRules.DEFAULT);
        ExerciseGrader.Verdict verdict =
                grade(players, "select id, upper(player) as player, points + 1 as points from scores");
        assertThat(kinds(verdict)).containsExactly("missing_rows", "extra_rows");
        assertThat(text(verdict))
                .contains("7 rows that belong in the result are missing (yours has 7 rows, the expected "
                        + "result 7). The values differ in columns “player”, “points”.");
        ExerciseGrader.Verdict counted = grade(
                exercise("select team, count(*) as players from scores group by team", GradingRules.DEFAULT),
                "select team, count(*) + 1 as players from scores group by team");
        assertThat(kinds(counted)).containsExactly("values");
        assertThat(text(counted))
                .as("a count off by one is not a rounding problem")
                .doesNotContain("close");
    }

    @Test
    void aTotalOrderMustBeFollowedRowForRow() throws Exception {
        Exercise ranking = exercise(
                "select player from scores order by points desc, player",
                rules(RowOrder.TOTAL, List.of(), true, TypePolicy.CATEGORY, "0"));
        assertThat(grade(ranking, "select player from scores order by points desc, player")
                        .correct())
                .isTrue();
        ExerciseGrader.Verdict tiesBroken =
                grade(ranking, "select player from scores order by points desc, player desc");
        assertThat(kinds(tiesBroken)).containsExactly("order");
        assertThat(text(tiesBroken)).contains("row 2 is the first one out of place");
        assertThat(kinds(grade(ranking, "select player from scores order by id desc")))
                .containsExactly("order");
    }

    @Test
    void anOrderByColumnsLetsTiesComeInAnyOrder() throws Exception {
        Exercise byPoints = exercise(
                "select player, points from scores order by points desc, player",
                rules(RowOrder.BY_COLUMNS, List.of("points"), true, TypePolicy.CATEGORY, "0"));
        assertThat(grade(byPoints, "select player, points from scores order by points desc, player desc")
                        .correct())
                .as("bo and cy tie on 7.25; either may come first")
                .isTrue();
        ExerciseGrader.Verdict ascending = grade(byPoints, "select player, points from scores order by points");
        assertThat(kinds(ascending)).containsExactly("order");
        assertThat(text(ascending)).contains("not sorted by points");
    }

    @Test
    void columnNamesMatchWhenTheRuleSaysSoAndNotOtherwise() throws Exception {
        String solution = "select team, count(*) as players from scores group by team";
        String unnamed = "select team, count(*) from scores group by team";
        ExerciseGrader.Verdict named = grade(exercise(solution, GradingRules.DEFAULT), unnamed);
        assertThat(kinds(named)).containsExactly("column_names");
        assertThat(text(named)).contains("column 2 is named “count”; the task asks for “players”".substring(1));
        ExerciseGrader.Verdict swapped = grade(
                exercise(solution, GradingRules.DEFAULT), "select count(*) as players, team from scores group by team");
        assertThat(text(swapped)).contains("in another order: the task asks for team, players");
        assertThat(grade(exercise(solution, rules(RowOrder.NONE, List.of(), false, TypePolicy.CATEGORY, "0")), unnamed)
                        .correct())
                .isTrue();
        ExerciseGrader.Verdict tooMany = grade(
                exercise(solution, GradingRules.DEFAULT),
                "select team, count(*) as players, 1 as one from scores group by team");
        assertThat(kinds(tooMany)).containsExactly("columns");
        assertThat(text(tooMany)).contains("3 columns (team, players, one); the task asks for 2: team, players");
    }

    @Test
    void numbersMatchWithinTheToleranceAndNearMissesAreCalledClose() throws Exception {
        String average = "select team, avg(points) as average from scores where team is not null group by team";
        String rounded =
                "select team, round(avg(points), 1) as average from scores where team is not null group by team";
        assertThat(grade(exercise(average, rules(RowOrder.NONE, List.of(), true, TypePolicy.CATEGORY, "0.05")), rounded)
                        .correct())
                .isTrue();
        ExerciseGrader.Verdict exact = grade(exercise(average, GradingRules.DEFAULT), rounded);
        assertThat(kinds(exact)).containsExactly("values");
        assertThat(text(exact)).contains("except for the values in column “average”", "close to the expected values");
        assertThat(grade(exercise("select 2.50 as price", GradingRules.DEFAULT), "select 2.5::float8 as price")
                        .correct())
                .as("2.50 and 2.5 are the same number")
                .isTrue();
    }

    @Test
    void typesAreComparedByKindOrExactlyAsTheRuleSays() throws Exception {
        String solution = "select count(*) as players from scores";
        ExerciseGrader.Verdict text =
                grade(exercise(solution, GradingRules.DEFAULT), "select count(*)::text as players from scores");
        assertThat(kinds(text)).containsExactly("types");
        assertThat(text(text)).contains("Column “players” is text (text); it should be a number.");
        assertThat(grade(exercise(solution, GradingRules.DEFAULT), "select count(*)::numeric as players from scores")
                        .correct())
                .as("any numeric type is a number")
                .isTrue();
        ExerciseGrader.Verdict exact = grade(
                exercise(solution, rules(RowOrder.NONE, List.of(), true, TypePolicy.EXACT, "0")),
                "select count(*)::integer as players from scores");
        assertThat(text(exact)).contains("has the type integer; it should be bigint");
        assertThat(grade(
                                exercise(solution, rules(RowOrder.NONE, List.of(), true, TypePolicy.IGNORE, "0")),
                                "select count(*)::text as players from scores")
                        .correct())
                .isTrue();
    }

    @Test
    void anEmptyResultIsAResultButACommandIsNot() throws Exception {
        Exercise nobody = exercise("select player from scores where team = 'purple'", GradingRules.DEFAULT);
        assertThat(grade(nobody, "select player from scores where points > 1000")
                        .correct())
                .isTrue();
        ExerciseGrader.Verdict command = grade(nobody, "create table purple (player text)");
        assertThat(kinds(command)).containsExactly("no_result");
        assertThat(text(command)).contains("command (CREATE TABLE) and returns no rows");
        ExerciseGrader.Verdict explain = grade(nobody, "explain select player from scores where team = 'purple'");
        assertThat(kinds(explain)).containsExactly("no_result");
        ExerciseGrader.Verdict rows = grade(nobody, "select player from scores where team = 'red'");
        assertThat(kinds(rows)).containsExactly("extra_rows");
    }

    @Test
    void nullIsOnlyEqualToNull() throws Exception {
        Exercise teams = exercise("select player, team from scores", GradingRules.DEFAULT);
        ExerciseGrader.Verdict blank = grade(teams, "select player, coalesce(team, '') as team from scores");
        assertThat(kinds(blank)).containsExactly("values");
        assertThat(blank.feedback().get(0).examples()).containsExactly(List.of("ed", ""));
        ExerciseGrader.Verdict word = grade(teams, "select player, coalesce(team, 'NULL') as team from scores");
        assertThat(word.correct()).as("the text 'NULL' is not NULL").isFalse();
    }

    @Test
    void resultsAreMultisetsSoDuplicatesCount() throws Exception {
        Exercise teams = exercise("select team from scores where team is not null", GradingRules.DEFAULT);
        ExerciseGrader.Verdict distinct = grade(teams, "select distinct team from scores where team is not null");
        assertThat(kinds(distinct)).containsExactly("duplicates");
        assertThat(text(distinct)).contains("fewer times than they should");
        ExerciseGrader.Verdict doubled = grade(
                teams,
                "select team from scores where team is not null "
                        + "union all select team from scores where team = 'green'");
        assertThat(kinds(doubled)).containsExactly("duplicates");
        assertThat(text(doubled)).contains("“green” twice instead of once", "more often than they should");
    }

    @Test
    void aFailingStatementFailsTheCheckWithPostgresqlsMessageAndLine() throws Exception {
        ExerciseGrader.Verdict verdict = grade(
                exercise("select player from scores", GradingRules.DEFAULT),
                "select player\nfrom scores\nwhere nosuch = 1");
        assertThat(kinds(verdict)).containsExactly("error");
        assertThat(text(verdict)).startsWith("Line 3: ERROR: column \"nosuch\" does not exist (SQLSTATE 42703)");
    }

    @Test
    void aCheckQueryThatFailsOnTheLearnersFunctionShowsPostgresqlsDetail() throws Exception {
        Exercise function = withCheck(
                """
                create function top_players(n integer) returns table (player text, points numeric)
                language sql as $$ select player, points from scores order by points desc limit n $$;""",
                "select * from top_players(2)");
        ExerciseGrader.Verdict wrongType = grade(
                function,
                """
                create function top_players(n integer) returns table (player text, points numeric)
                language plpgsql as $$ begin
                  return query select s.player, s.points::float8 from scores s order by s.points desc limit n;
                end $$;""");
        assertThat(kinds(wrongType)).containsExactly("check");
        assertThat(text(wrongType))
                .contains(
                        "ERROR: structure of query does not match function result type (SQLSTATE 42804)",
                        "DETAIL: Returned type double precision does not match expected type numeric in column 2",
                        "Did a statement drop, rename or change the type of something the task still needs?");
    }

    @Test
    void dataChangingTasksAreGradedByTheCheckQueryAfterTheLearnersStatements() throws Exception {
        Exercise raise = withCheck(
                "update scores set points = points + 1 where team = 'red'",
                "select id, points from scores order by id");
        assertThat(grade(raise, "begin; update scores set points = points + 1 where team = 'red'; commit;")
                        .correct())
                .isTrue();
        ExerciseGrader.Verdict uncommitted =
                grade(raise, "begin; update scores set points = points + 1 where team = 'red';");
        assertThat(uncommitted.correct()).isFalse();
        assertThat(kinds(uncommitted)).contains("note", "values");
        assertThat(text(uncommitted)).contains("rolled back");
        ExerciseGrader.Verdict dropped = grade(raise, "drop table scores");
        assertThat(kinds(dropped)).containsExactly("check");
        assertThat(text(dropped)).contains("relation \"scores\" does not exist");
    }

    @Test
    void schemaChangingTasksAreGradedByTheCheckQueryToo() throws Exception {
        Exercise addColumn = withCheck(
                "alter table scores add column captain boolean not null default false",
                """
                select column_name, data_type, is_nullable, column_default
                from information_schema.columns where table_name = 'scores' order by ordinal_position""");
        assertThat(grade(addColumn, "ALTER TABLE scores ADD captain boolean DEFAULT false NOT NULL;")
                        .correct())
                .isTrue();
        ExerciseGrader.Verdict nullable =
                grade(addColumn, "alter table scores add column captain boolean default false");
        assertThat(nullable.correct()).isFalse();
        assertThat(kinds(nullable)).containsExactly("values");
    }

    @Test
    void hiddenDatasetsCatchAnswersThatOnlyFitTheSample() throws Exception {
        Exercise best = TestExercise.on(SCORES.name(), "select player from scores where points > 5")
                .hiddenDatasets(OTHER_SCORES.name())
                .build();
        assertThat(grade(best, "select player from scores where points >= 5.01").correct())
                .isTrue();
        ExerciseGrader.Verdict hardCoded = grade(best, "select player from scores where id in (1, 2, 3)");
        assertThat(hardCoded.correct()).isFalse();
        assertThat(kinds(hardCoded)).startsWith("other_data");
        assertThat(text(hardCoded)).contains("right on the lesson's data, but not on other data", "on the other data");
        assertThat(hardCoded.feedback()).allSatisfy(feedback -> assertThat(feedback.examples())
                .as("no rows of the hidden data are shown")
                .isEmpty());
    }

    @Test
    void planAssertionsCheckThePlanOfTheLastStatement() throws Exception {
        Exercise fast = TestExercise.on(
                        "practice",
                        "create index on bookings (customer_id); select id, room from bookings where customer_id = 42")
                .plan(
                        new PlanAssertion(true, List.of("Index Scan", "Bitmap Heap Scan"), "bookings"),
                        new PlanAssertion(false, List.of("Seq Scan"), "bookings"))
                .build();
        ExerciseGrader.Verdict slow = grade(fast, "select id, room from bookings where customer_id = 42");
        assertThat(kinds(slow)).containsExactly("plan", "plan");
        assertThat(text(slow))
                .contains(
                        "does not use Index Scan or Bitmap Heap Scan on bookings; it reads bookings " + "with Seq Scan",
                        "still uses Seq Scan on bookings");
        assertThat(grade(
                                fast,
                                "create index bookings_by_customer on bookings (customer_id, room);\n"
                                        + "select id, room from bookings where customer_id = 42;")
                        .correct())
                .isTrue();
    }

    @Test
    void answersThatWriteRunOnACopyOfTheirOwnAndTheSharedReadOnlyCopyStaysPristine() throws Exception {
        Exercise all = exercise("select id from scores", GradingRules.DEFAULT);
        ExerciseGrader.Verdict deleting = grade(
                all,
                "set default_transaction_read_only = off;\n"
                        + "delete from scores where team = 'red';\nselect id from scores");
        assertThat(kinds(deleting)).containsExactly("missing_rows");
        assertThat(text(deleting)).contains("3 values of column “id” are missing from your result", ": 1, 2, 7.");
        assertThat(grade(all, "select id from scores").correct())
                .as("the shared copy still has every row")
                .isTrue();
        assertThat(grade(all, "create temp table mine as select id from scores; select id from mine")
                        .correct())
                .as("a temporary table needs a copy of its own, and gets one")
                .isTrue();
    }

    @Test
    void gradingIsBoundedByTheLabsLimitsAndDoesNotHoldUpOthers() throws Exception {
        Exercise quick = exercise("select player from scores", GradingRules.DEFAULT);
        CompletableFuture<ExerciseGrader.Verdict> endless = CompletableFuture.supplyAsync(() -> {
            try {
                return grade(quick, "select pg_sleep(60)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        assertThat(grade(quick, "select player from scores").correct()).isTrue();
        assertThat(endless).as("the other check is still being graded").isNotDone();
        ExerciseGrader.Verdict stopped = endless.get();
        assertThat(kinds(stopped)).containsExactly("limit");
        assertThat(text(stopped)).contains("(statement time limit)");
        assertThat((System.nanoTime() - start) / 1e9)
                .as("stopped at the 2 s statement limit")
                .isLessThan(15);
    }
}
