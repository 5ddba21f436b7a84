package org.netverks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.netverks.content.Catalog;
import org.netverks.content.ContentProblem;
import org.netverks.content.ValidateContentCommand;
import org.netverks.lab.ExerciseValidation;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.platform.EmbeddedPostgresServer;

/**
 * {@code validate [folder] [--files-only] [--verbose]}: checks every content file, then (unless
 * --files-only) starts a throwaway PostgreSQL, loads every dataset, grades every exercise's
 * reference solution, alternatives and known-wrong answers (--verbose: and says why each
 * known-wrong one fails) and runs every lesson's SQL blocks as a learner's role. Exit code 0 when
 * all is well, 1 when not.
 */
public final class ValidateCommand {

    private ValidateCommand() {}

    public static int validate(String[] args) {
        // only the findings and a summary: not the embedded server's initdb and LOG lines, nor template notes
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            return check(args);
        } finally {
            root.setLevel(level);
        }
    }

    private static int check(String[] args) {
        List<String> options = List.of(args).subList(1, args.length);
        String folder = options.stream()
                .filter(option -> !option.startsWith("--"))
                .findFirst()
                .orElse(null);
        Catalog catalog = ValidateContentCommand.load(folder);
        if (catalog == null) {
            return 1;
        }
        if (options.contains("--files-only")) {
            System.out.println("Content files are valid " + ValidateContentCommand.summary(catalog) + ".");
            return 0;
        }
        long start = System.nanoTime();
        List<ContentProblem> problems;
        Path directory = null;
        try {
            directory = Files.createTempDirectory("netverks-validate");
            String password = UUID.randomUUID().toString().replace("-", "");
            // a throwaway cluster: durability would only slow it down
            try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                    directory.resolve("pg"),
                    Map.of(
                            "fsync",
                            "off",
                            "synchronous_commit",
                            "off",
                            "full_page_writes",
                            "off",
                            "max_connections",
                            "50"),
                    0,
                    password)) {
                problems = ExerciseValidation.gradeEveryExercise(
                        catalog,
                        new SandboxServer("validate", "localhost", postgres.port(), "postgres", password),
                        2,
                        options.contains("--verbose") ? System.out::println : line -> {});
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not check the datasets and exercises: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(directory);
        }
        if (!problems.isEmpty()) {
            System.err.println(problems.size() + " problem(s) with datasets, exercises and lesson SQL:");
            problems.forEach(problem -> System.err.println("  " + problem));
            return 1;
        }
        System.out.printf(
                "Content is valid %s; every dataset loads, every exercise passes its own grader and rejects its "
                        + "known-wrong answers, and every lesson's SQL runs as a learner's role (%.1f s).%n",
                ValidateContentCommand.summary(catalog), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
