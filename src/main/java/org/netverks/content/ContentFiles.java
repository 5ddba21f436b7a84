package org.netverks.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The text of every file in a content folder, keyed by its path relative to that folder with
 * forward slashes ("tracks/postgresql/track.yaml"). Content is small, so it is read whole.
 */
public record ContentFiles(String origin, Map<String, String> files) {

    public ContentFiles {
        files = Map.copyOf(files);
    }

    public static ContentFiles fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidContentException(
                    java.util.List.of(new ContentProblem(root.toString(), "", "content folder not found")));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content folder " + root, e);
        }
        return new ContentFiles(root.toAbsolutePath().toString(), files);
    }

    /** The content bundled in the application jar under {@code content/}. */
    public static ContentFiles bundled() {
        Map<String, String> files = new TreeMap<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            String root = resolver.getResource("classpath:content/").getURL().toString();
            for (Resource resource : resolver.getResources("classpath:content/**")) {
                String url = resource.getURL().toString();
                if (!resource.isReadable() || url.endsWith("/") || !url.startsWith(root)) {
                    continue; // a directory entry
                }
                String relative = url.substring(root.length());
                try (var in = resource.getInputStream()) {
                    files.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled content", e);
        }
        return new ContentFiles("bundled content", files);
    }
}
