package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netverks.DemoContent.exercises;
import static org.netverks.DemoContent.lesson;
import static org.netverks.DemoContent.validate;
import static org.netverks.DemoContent.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.DemoContent.Captured;

/**
 * The content validation command, as CI runs it: every dataset loads, every reference solution
 * passes its own grader and every known-wrong answer fails — for the shipped content, and a
 * broken exercise is caught.
 */
class ValidateCommandTest {

    @Test
    void theShippedContentPassesEveryCheckIncludingEveryExercise() {
        Captured run = validate("validate", "content");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .as("only a one-line summary: no embedded server or Spring logging")
                .hasLineCount(1)
                .contains("Content is valid in ", "exercise(s)", "every exercise passes its own grader");
    }

    @Test
    void aFailingSolutionOrAPassingKnownWrongAnswerFailsValidation(@TempDir Path dir) throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create table t (id integer primary key, v text);");
        write(dir, "datasets/tiny/data.sql", "insert into t values (1, 'a'), (2, 'b'), (3, null);");
        exercises(
                dir,
                """
                exercises:
                  - id: good
                    title: Good
                    task: Return `id` and `v`.
                    solution: select id, v from t
                    known_wrong:
                      - sql: select id, v from t where v is not null
                        why: loses the NULL row
                  - id: broken-solution
                    title: Broken
                    task: Return `id`.
                    solution: select idd from t
                  - id: lenient
                    title: Lenient
                    task: Return `id`.
                    solution: select id from t
                    known_wrong:
                      - sql: select id from t order by id desc
                        why: is not actually wrong, since order does not matter
                  - id: unnamed
                    title: Unnamed
                    task: Return the count.
                    solution: select count(*) as total from t
                """);
        Captured run = validate("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "3 problem(s)",
                        "exercises.yaml: exercises[broken-solution]: the reference solution of 'broken-solution' fails",
                        "column \"idd\" does not exist",
                        "exercises[lenient].known_wrong[0]: passes the grader, but it is listed as wrong",
                        "exercises[unnamed].task: does not name the column 'total'");
        assertThat(run.err()).doesNotContain("exercises[good]");
    }

    @Test
    void aTimelineMustKeepItsOwnExpectationsAndItsKnownWrongAnswersMustFail(@TempDir Path dir) throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create table t (id integer primary key, v integer);");
        write(dir, "datasets/tiny/data.sql", "insert into t values (1, 10), (2, 20);");
        exercises(
                dir,
                """
                exercises:
                  - id: good
                    title: Good
                    task: Make B wait.
                    timeline:
                      - a: begin; update t set v = v + 1 where id = 1;
                      - b: update t set v = v + 2 where id = 1;
                        expect: waits
                        then: completes
                      - a: commit;
                        yours: true
                    check: select v from t where id = 1;
                    known_wrong:
                      - steps: ["rollback;"]
                        why: A's change is lost
                  - id: wrong-expectation
                    title: Wrong expectation
                    task: B does not wait.
                    timeline:
                      - a: begin; select v from t where id = 1;
                        yours: true
                      - b: update t set v = 0 where id = 1;
                        expect: waits
                    check: select v from t where id = 1;
                  - id: lenient
                    title: Lenient
                    task: Anything.
                    timeline:
                      - a: select 1;
                        yours: true
                        expect: completes
                    check: select count(*) from t;
                    known_wrong:
                      - steps: ["select 2;"]
                        why: is not actually wrong
                """);
        Captured run = validate("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "2 problem(s)",
                        "exercises[wrong-expectation]: the reference timeline of 'wrong-expectation' breaks its own "
                                + "expectations: Step 2 (session B) should have waited for a lock, but it completed.",
                        "exercises[lenient].known_wrong[0]: passes the grader, but it is listed as wrong");
        assertThat(run.err()).doesNotContain("exercises[good]");
    }

    @Test
    void aDatasetThatDoesNotLoadIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create schema cd;\ncreate table cd.t (id integer primary key);\n");
        write(dir, "datasets/tiny/data.sql", "copy cd.t from stdin;\n1\n2\nx\n\\.\n");
        lesson(dir, "## Body\n\nText.\n");
        Captured run = validate("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("datasets/tiny/data.sql: line 4: ERROR: invalid input syntax for type integer: \"x\""
                        + " (COPY t, line 3, column id: \"x\")");
    }

    @Test
    void anOrderRuleWhoseSolutionLeavesTiesFailsValidationNamingTheDatasetAndTheRows(@TempDir Path dir)
            throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create table t (id integer primary key, v text, g integer);");
        write(dir, "datasets/tiny/data.sql", "insert into t values (1, 'a', 10), (2, 'b', 10), (3, null, 20);");
        write(dir, "datasets/tiny-alt/dataset.yaml", "like: tiny\n");
        write(dir, "datasets/tiny-alt/data.sql", "insert into t values (1, 'a', 10), (2, 'a', 10), (3, 'b', 20);");
        exercises(
                dir,
                """
                exercises:
                  - id: tied-total
                    title: Tied
                    task: Return `id` and `g`, by `g`.
                    solution: select id, g from t order by g
                    rules: {order: total}
                  - id: untied-total
                    title: Untied
                    task: Return `id` and `g`, by `g` then `id`.
                    solution: select id, g from t order by g, id
                    rules: {order: total}
                    hidden_datasets: [tiny-alt]
                  - id: ties-allowed
                    title: Ties allowed
                    task: Return `id` and `g`, by `g`.
                    solution: select id, g from t order by g
                    rules: {order: [g]}
                  - id: columns-not-fixed
                    title: Columns not fixed
                    task: Return `id`, `v` and `g`, by `v`.
                    solution: select id, v, g from t order by g
                    rules: {order: [v]}
                  - id: limit-through-a-tie
                    title: Limit
                    task: Return the `id` of a row with the smallest `g`.
                    solution: select id from t order by g limit 1
                    rules: {order: total}
                  - id: tie-on-hidden-data
                    title: Hidden tie
                    task: Return `id`, by `g` then `v`.
                    solution: select id from t order by g, v
                    rules: {order: total}
                    hidden_datasets: [tiny-alt]
                  - id: tied-check
                    title: Insert
                    task: Add a row; the table is graded as `id`, `g`, by `g`.
                    solution: insert into t values (4, 'd', 30)
                    check: select id, g from t order by g
                    rules: {order: total}
                """);
        Captured run = validate("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "5 problem(s)",
                        "exercises[tied-total].rules.order: is total, but the solution's order is not unique on "
                                + "dataset 'tiny': these rows tie on its ORDER BY keys yet differ, so a correct answer "
                                + "may list them the other way round: (id=1, g=10) and (id=2, g=10)",
                        "exercises[columns-not-fixed].rules.order: lists v, but the solution's ORDER BY does not fix "
                                + "their order on dataset 'tiny': these rows tie on its ORDER BY keys yet differ in "
                                + "those columns: (id=",
                        "exercises[limit-through-a-tie].rules.order: the solution's rows are not unique on dataset "
                                + "'tiny': its ORDER BY leaves a tie that LIMIT",
                        "exercises[tie-on-hidden-data].rules.order: is total, but the solution's order is not unique "
                                + "on dataset 'tiny-alt': these rows tie on its ORDER BY keys yet differ, so a correct "
                                + "answer may list them the other way round: (id=1) and (id=2)",
                        "exercises[tied-check].rules.order: is total, but the solution's order is not unique on "
                                + "dataset 'tiny'");
        assertThat(run.err())
                .doesNotContain(
                        "untied-total",
                        "ties-allowed",
                        "on dataset 'tiny': these rows tie on its ORDER BY keys yet differ, so a correct answer may list them the other way round: (id=1)");
    }

    @Test
    void everyAlternativeSolutionMustPassTheGrader(@TempDir Path dir) throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create table t (id integer primary key, v text);");
        write(dir, "datasets/tiny/data.sql", "insert into t values (1, 'a'), (2, 'b'), (3, null);");
        exercises(
                dir,
                """
                defaults:
                  rules: {column_names: ignore}
                exercises:
                  - id: with-v
                    title: Rows with a value
                    task: Return the ids of the rows that have a value.
                    solution: select id from t where v is not null
                    explanation: "`IS NOT NULL`, never `<> NULL`."
                    alternatives:
                      - select id from t where v <> ''
                      - select id from t where v = null
                      - select id as the_id from t except select id from t where v is null
                """);
        Captured run = validate("validate", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "1 problem(s)",
                        "tracks/demo/lessons/one/exercises.yaml: exercises[with-v].alternatives[1]: does not pass the "
                                + "grader: ")
                .doesNotContain("alternatives[0]")
                .doesNotContain("alternatives[2]");
    }

    @Test
    void filesOnlySkipsTheDatabase() {
        Captured run = validate("validate", "content", "--files-only");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .hasLineCount(1)
                .contains("Content files are valid in ", "dataset(s)")
                .doesNotContain("grader");
    }
}
