package org.netverks.content;

import java.nio.file.Path;

/**
 * {@code validate [folder]}: checks every content file without starting the server and prints
 * each problem with its file and field. Exit code 0 when the content is valid, 1 when not.
 */
public final class ValidateContentCommand {

    private ValidateContentCommand() {
    }

    public static int run(String[] args) {
        ContentFiles files = args.length > 1 ? ContentFiles.fromDirectory(Path.of(args[1]))
                : Path.of("content").toFile().isDirectory() ? ContentFiles.fromDirectory(Path.of("content"))
                : ContentFiles.bundled();
        try {
            Catalog catalog = new ContentLoader().load(files);
            System.out.printf("Content in %s is valid: %d track(s), %d lesson(s), %d dataset(s).%n",
                    catalog.origin(), catalog.tracks().size(), catalog.lessonCount(), catalog.datasets().size());
            return 0;
        } catch (InvalidContentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
