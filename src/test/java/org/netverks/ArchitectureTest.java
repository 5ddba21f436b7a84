package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import rules of ARCHITECTURE.md, checked on the source. */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java/org/netverks");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final List<String> FEATURES = List.of("content", "lab", "learner", "discussion");

    @Test
    void platformDependsOnNoFeatureAndNotOnWeb() throws IOException {
        List<String> forbidden = new ArrayList<>(FEATURES);
        forbidden.add("web");
        assertThat(violations("platform", forbidden)).isEmpty();
    }

    @Test
    void webDependsOnNoFeature() throws IOException {
        assertThat(violations("web", FEATURES)).isEmpty();
    }

    @Test
    void contentDependsOnNoOtherFeature() throws IOException {
        assertThat(violations("content", List.of("lab", "learner", "discussion"))).isEmpty();
    }

    @Test
    void learnerBuildsOnContentAndWebOnly() throws IOException {
        assertThat(violations("learner", List.of("lab", "discussion"))).isEmpty();
    }

    @Test
    void nothingButTheDiscussionDependsOnIt() throws IOException {
        for (String feature : List.of("content", "learner", "lab", "web", "platform")) {
            assertThat(violations(feature, List.of("discussion"))).as(feature).isEmpty();
        }
    }

    @Test
    void theDiscussionBuildsOnContentLearnerAndWebOnly() throws IOException {
        assertThat(violations("discussion", List.of("lab", "platform"))).isEmpty();
    }

    @Test
    void theLabsPartsDoNotDependOnEachOther() throws IOException {
        assertThat(violations("lab/run", List.of("lab.psql", "lab.plan", "lab.sandbox"))).isEmpty();
        assertThat(violations("lab/psql", List.of("lab.run", "lab.plan", "lab.sandbox"))).isEmpty();
        assertThat(violations("lab/plan", List.of("lab.run", "lab.psql", "lab.sandbox"))).isEmpty();
        assertThat(violations("lab/exercise", List.of("lab.psql", "lab.plan"))).isEmpty();
        for (String part : List.of("lab/run", "lab/psql", "lab/plan", "lab/sandbox")) {
            assertThat(violations(part, List.of("lab.exercise"))).as(part).isEmpty();
        }
    }

    @Test
    void theGraderDoesNotDependOnTheLabsWebLayer() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve("lab/exercise"))) {
            imports(file).stream().filter(i -> i.matches("org\\.netverks\\.lab\\.[A-Z].*") || i.startsWith("org.netverks.web."))
                    .forEach(i -> found.add(file + " imports " + i));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void onlyPlatformTouchesTheEmbeddedServerLibrary() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (!file.startsWith(ROOT.resolve("platform")) && imports(file).stream().anyMatch(i -> i.startsWith("io.zonky"))) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    /** Every JSON error is an {@code web.ApiError} written by {@code web.ApiErrors}: no hand-made bodies. */
    @Test
    void jsonErrorsAreWrittenOnlyByApiErrors() throws IOException {
        Pattern handMade = Pattern.compile("\\\\\"status\\\\\"|\"status\",\\s*[^,]+,\\s*\"error\"|put\\(\"status\"");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT)) {
            if (handMade.matcher(Files.readString(file)).find()) {
                found.add(file.toString());
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<String> violations(String from, List<String> forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOT.resolve(from))) {
            for (String imported : imports(file)) {
                for (String feature : forbidden) {
                    if (imported.startsWith("org.netverks." + feature + ".")) {
                        found.add(file + " imports " + imported);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> imports(Path file) throws IOException {
        Matcher matcher = IMPORT.matcher(Files.readString(file));
        List<String> imports = new ArrayList<>();
        while (matcher.find()) {
            imports.add(matcher.group(1));
        }
        return imports;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }
}
