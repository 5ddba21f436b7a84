package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content we ship is valid and has the shape the product promises. */
class BundledContentTest {

    private final Catalog catalog = new ContentLoader().load(ContentFiles.fromDirectory(Path.of("content")));

    @Test
    void thePostgresqlTrackHas36StepsEndingAsPromised() {
        Track track = catalog.track("postgresql").orElseThrow();
        assertThat(track.size()).isEqualTo(36);
        Track.Step python = track.step("postgresql-with-python").orElseThrow();
        assertThat(python.position()).isEqualTo(33);
        assertThat(python.title()).isEqualTo("PostgreSQL with Python");
        List<String> lastThree =
                track.steps().subList(33, 36).stream().map(Track.Step::slug).toList();
        assertThat(lastThree).containsExactly("postgis-teaser", "interview-prep", "production-checklist");
    }

    @Test
    void atLeastSixLessonsAreCompleteIncludingStep33() {
        Track track = catalog.track("postgresql").orElseThrow();
        assertThat(track.availableCount()).isGreaterThanOrEqualTo(6);
        Lesson python = track.step("postgresql-with-python").orElseThrow().lesson();
        assertThat(python).isNotNull();
        assertThat(python.contentVersion()).isEqualTo("v20261206");
        assertThat(python.mode()).isEqualTo(LessonMode.SQL_SANDBOX);
        assertThat(python.dataset()).isEqualTo("practice");
        for (Track.Step step : track.steps()) {
            if (step.available()) {
                Lesson.Parts parts = step.lesson().parts();
                assertThat(parts.quiz()).as(step.slug() + " quiz").isNotEmpty();
                assertThat(parts.cards()).as(step.slug() + " cards").isNotEmpty();
                assertThat(parts.selfCheck()).as(step.slug() + " self-check").isNotEmpty();
                assertThat(parts.interview()).as(step.slug() + " interview").isNotEmpty();
                assertThat(parts.pitfallsHtml()).as(step.slug() + " pitfalls").isNotEmpty();
                assertThat(parts.practiceNotesHtml())
                        .as(step.slug() + " practice")
                        .isNotEmpty();
                assertThat(parts.starterTopics()).as(step.slug() + " topics").isNotEmpty();
            }
        }
    }

    @Test
    void theTrackDatasetsAndTheirHiddenTwinsLoadBesideTheirReadmes() {
        for (String name : List.of("events", "saas", "raw-import")) {
            assertThat(Path.of("content/datasets", name, "README.md")).as(name).isRegularFile();
            assertThat(Path.of("content/datasets", name + "-alt", "README.md"))
                    .as(name + "-alt")
                    .isRegularFile();
            Dataset dataset = catalog.dataset(name).orElseThrow();
            Dataset twin = catalog.dataset(name + "-alt").orElseThrow();
            // the twin runs the same schema.sql with its own rows
            assertThat(twin.scripts().get(0).sql())
                    .isEqualTo(dataset.scripts().get(0).sql());
            assertThat(twin.scripts().get(1).sql())
                    .isNotEqualTo(dataset.scripts().get(1).sql());
        }
    }

    @Test
    void theFileCheckAcceptsTheShippedContent() {
        assertThat(ValidateContentCommand.load("content")).isNotNull();
    }

    @Test
    void theFileCheckRejectsABrokenFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("stray.txt"), "nothing here");
        assertThat(ValidateContentCommand.load(dir.toString())).isNull();
    }
}
