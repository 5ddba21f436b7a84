package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tiers stay selectable: every test that starts Chromium carries the tag "browser"
 * ({@code ./mvnw verify -Dgroups=browser} runs them alone, {@code -DexcludedGroups=browser} leaves
 * them out), and API and browser tests name the fixture track, not the shipped lessons.
 */
class TestTiersTest {

    private static final Path TESTS = Path.of("src/test/java/org/netverks");

    @Test
    void everyTestThatStartsABrowserIsTaggedBrowser() throws IOException {
        List<String> untagged = sources()
                .filter(source -> read(source).contains("Browser." + "start()"))
                .filter(source -> !read(source).contains("@Tag(\"browser\")"))
                .map(Path::toString)
                .toList();
        assertThat(untagged)
                .as("tests that start Chromium without @Tag(\"browser\")")
                .isEmpty();
    }

    @Test
    void onlyTheContentChecksNameTheShippedTrack() throws IOException {
        List<String> shipped = sources()
                .filter(source -> read(source).contains("/tracks/" + "postgresql/"))
                .map(source -> source.getFileName().toString())
                .toList();
        assertThat(shipped)
                .as("tests on the shipped lessons break when an author rewrites one: use the fixture track")
                .isSubsetOf("PostRendererTest.java"); // a Markdown link, not a request
    }

    private static Stream<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(path -> path.toString().endsWith("Test.java")).toList().stream();
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
