package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} runs every sql block of a sql_sandbox lesson on one fresh copy of its dataset
 * as the learner's role, in order, the way the lab runs them, and holds each block to its
 * annotations (rows=N, error, outside-lab).
 */
class LessonSqlValidationTest {

    private static final String FILE = "tracks/demo/lessons/one/lesson.md";

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
            """;

    @Test
    void eachBlockIsHeldToWhatItsFenceSays(@TempDir Path dir) throws Exception {
        write(dir, "datasets/tiny/schema.sql", "create table t (id integer primary key, v text);");
        write(dir, "datasets/tiny/data.sql", "insert into t values (1, 'a'), (2, 'b'), (3, null);");
        write(
                dir,
                "tracks/demo/track.yaml",
                """
                id: demo
                slug: demo
                title: Demo
                summary: A demo track.
                mode: sql_sandbox
                lessons:
                  - id: demo-one
                    slug: one
                    title: One
                """);
        String lesson =
                """
                ---
                id: demo-one
                slug: one
                title: One
                level: beginner
                last_reviewed: 2026-11-01
                content_version: v20261101
                dataset: tiny
                summary: A lesson.
                used_in_practice: Everywhere.
                ---

                """
                        + BODY;
        write(dir, FILE, lesson);
        write(dir, "tracks/demo/lessons/one/parts.yaml", "practice_notes: []\n");

        Captured run = run("validate", dir.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        List<String> problems = run.err()
                .lines()
                .filter(line -> line.startsWith("  "))
                .map(String::strip)
                .toList();
        assertThat(problems)
                .containsExactly(
                        FILE + ": line " + lineOf(lesson, "```sql\nselect * from pg_stat_activity")
                                + ": the sql block fails as a learner's role: permission denied for view "
                                + "pg_stat_activity (mark it outside-lab if it is meant for your own server)",
                        FILE + ": line " + lineOf(lesson, "```sql error\nselect 1;")
                                + ": the sql block is marked error, but it runs without an error as a learner's "
                                + "role (drop 'error', or make it fail as the text says)",
                        FILE + ": line " + lineOf(lesson, "```sql rows=5")
                                + ": the sql block states rows=5, but its last statement returns 3 row(s) "
                                + "(fix the count, and the text if it says the same)",
                        FILE + ": line " + lineOf(lesson, "```sql rows=1")
                                + ": the sql block states rows=1, but its last statement returns no rows");
    }

    /** The line of lesson.md that {@code start} begins on. */
    private static int lineOf(String text, String start) {
        int at = text.indexOf(start);
        assertThat(at).as(start).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void write(Path root, String file, String text) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private record Captured(int exitCode, String out, String err) {}

    private static synchronized Captured run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = ValidateCommand.validate(args);
            return new Captured(
                    code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
