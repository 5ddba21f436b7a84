package org.netverks.content;

import java.nio.file.Path;

/**
 * The file half of {@code validate}: checks every content file without a server or a database
 * and prints each problem with its file and field.
 */
public final class ValidateContentCommand {

    private ValidateContentCommand() {}

    /** The catalog in {@code folder} (null: ./content if present, else the bundled one), or null after printing why not. */
    public static Catalog load(String folder) {
        ContentFiles files = folder != null
                ? ContentFiles.fromDirectory(Path.of(folder))
                : Path.of("content").toFile().isDirectory()
                        ? ContentFiles.fromDirectory(Path.of("content"))
                        : ContentFiles.bundled();
        try {
            return new ContentLoader().load(files);
        } catch (InvalidContentException e) {
            System.err.println(e.getMessage());
            return null;
        }
    }

    /** What the catalog holds, for the summary line: "in X: 1 track(s), 2 lesson(s), …". */
    public static String summary(Catalog catalog) {
        long exercises = catalog.tracks().stream()
                .flatMap(track -> track.steps().stream())
                .filter(Track.Step::available)
                .mapToLong(step -> step.lesson().exercises().size())
                .sum();
        return String.format(
                "in %s: %d track(s), %d lesson(s), %d exercise(s), %d dataset(s)",
                catalog.origin(),
                catalog.tracks().size(),
                catalog.lessonCount(),
                exercises,
                catalog.datasets().size());
    }
}
