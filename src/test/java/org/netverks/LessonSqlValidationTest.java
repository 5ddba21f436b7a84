package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netverks.DemoContent.LESSON_FILE;
import static org.netverks.DemoContent.lesson;
import static org.netverks.DemoContent.validate;
import static org.netverks.DemoContent.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.DemoContent.Captured;

/**
 * {@code validate} runs every sql block of a sql_sandbox lesson on one fresh copy of its dataset
 * as the learner's role, in order, the way the lab runs them, and holds each block to its
 * annotations (rows=N, error, outside-lab, plan=…, no-plan=…).
 */
class LessonSqlValidationTest {

    private static final String BODY =
            """
            ## Body

            ```sql
            select * from pg_stat_activity;
            ```

            ```sql outside-lab
            select * from pg_stat_activity;
            ```

            ```sql error
            create role intruder;
            ```

            ```sql error
            select 1;
            ```

            ```sql
            create table u (id integer);
            insert into u values (1), (2);
            ```

            ```sql rows=2
            \\d u
            select * from u;
            ```

            ```sql rows=5
            select * from t;
            ```

            ```sql rows=1
            insert into t values (4, 'd');
            ```

            ```sql plan=Seq-Scan no-plan=Index-Scan plan=Filter
            explain select * from t where v = 'a';
            ```

            ```sql plan=Index-Scan
            explain select * from t where v = 'a';
            ```

            ```sql no-plan=Seq-Scan-on-t
            explain select * from t;
            ```

            ```sql plan=Seq-Scan
            select * from t;
            ```
            """;

    @Test
    void eachBlockIsHeldToWhatItsFenceSays(@TempDir Path dir) throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create table t (id integer primary key, v text);");
        write(dir, "datasets/tiny/data.sql", "insert into t values (1, 'a'), (2, 'b'), (3, null);");
        String lesson = lesson(dir, BODY);

        Captured run = validate("validate", dir.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        List<String> problems = run.err()
                .lines()
                .filter(line -> line.startsWith("  "))
                .map(String::strip)
                .toList();
        assertThat(problems)
                .containsExactly(
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql\nselect * from pg_stat_activity")
                                + ": the sql block fails as a learner's role: permission denied for view "
                                + "pg_stat_activity (mark it outside-lab if it is meant for your own server)",
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql error\nselect 1;")
                                + ": the sql block is marked error, but it runs without an error as a learner's "
                                + "role (drop 'error', or make it fail as the text says)",
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql rows=5")
                                + ": the sql block states rows=5, but its last statement returns 3 row(s) "
                                + "(fix the count, and the text if it says the same)",
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql rows=1")
                                + ": the sql block states rows=1, but its last statement returns no rows",
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql plan=Index-Scan")
                                + ": the sql block states plan=Index-Scan, but no line of its plan starts so "
                                + "(Seq Scan on t; Filter: (v = 'a'::text))",
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql no-plan=Seq-Scan-on-t")
                                + ": the sql block states no-plan=Seq-Scan-on-t, but its plan has one (Seq Scan on t)",
                        LESSON_FILE + ": line " + lineOf(lesson, "```sql plan=Seq-Scan\nselect")
                                + ": the sql block states a plan, but its last statement is not an EXPLAIN");
    }

    /** The line of lesson.md that {@code start} begins on. */
    private static int lineOf(String text, String start) {
        int at = text.indexOf(start);
        assertThat(at).as(start).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
