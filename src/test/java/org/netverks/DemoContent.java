package org.netverks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A content folder written by a test: a one-lesson sql_sandbox track ("demo") on dataset tiny,
 * and {@code validate} run on it with its output captured.
 */
final class DemoContent {

    static final String LESSON_FILE = "tracks/demo/lessons/one/lesson.md";

    private static final String FRONT_MATTER =
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

            """;

    private DemoContent() {}

    /** The track, and its one lesson with this body (no exercises); returns lesson.md's text. */
    static String lesson(Path dir, String body) throws Exception {
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
        String lesson = FRONT_MATTER + body;
        write(dir, LESSON_FILE, lesson);
        write(dir, "tracks/demo/lessons/one/parts.yaml", "practice_notes: []\n");
        return lesson;
    }

    /** The track, its one lesson, and these exercises. */
    static void exercises(Path dir, String exercises) throws Exception {
        lesson(dir, "## Body\n\nText.\n");
        write(dir, "tracks/demo/lessons/one/exercises.yaml", exercises);
    }

    static void write(Path root, String file, String text) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    record Captured(int exitCode, String out, String err) {}

    /** {@code validate} with these arguments; one at a time, since it writes to System.out and err. */
    static synchronized Captured validate(String... args) {
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
