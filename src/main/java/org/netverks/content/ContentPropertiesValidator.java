package org.netverks.content;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** A content folder that is not there stops the start with a message naming the setting. */
@Component
class ContentPropertiesValidator {

    ContentPropertiesValidator(ContentProperties properties) {
        String dir = properties.contentDir();
        if (dir == null || dir.isBlank()) {
            return;
        }
        String problem;
        try {
            Path path = Path.of(dir);
            problem = Files.isDirectory(path)
                    ? null
                    : "netverks.content-dir (" + path.toAbsolutePath()
                            + ") is not a folder; leave it empty to serve the content bundled with the app";
        } catch (InvalidPathException e) {
            problem = "netverks.content-dir ('" + dir + "') is not a path: " + e.getReason();
        }
        if (problem != null) {
            throw new IllegalStateException("Invalid content settings:\n  - " + problem);
        }
    }
}
