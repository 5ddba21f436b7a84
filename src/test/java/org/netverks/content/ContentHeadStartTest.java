package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.NetverksApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The app's own start loads the content before the context makes any bean, and that catalog is the
 * one a fresh load gives; invalid content fails where the catalog takes it, as a load there would;
 * a test's context or a missing folder loads nothing ahead.
 */
class ContentHeadStartTest {

    private static final String PARTS = "tracks/sample/lessons/one/parts.yaml";

    @Test
    void theAppsOwnStartLoadsTheContentAheadAndTheCatalogGetsTheSameContent(@TempDir Path dir) throws IOException {
        write(dir, FixtureContent.files());
        GenericApplicationContext context = prepare(NetverksApplication.class, dir);

        ContentHeadStart.Loading loading =
                (ContentHeadStart.Loading) context.getBeanFactory().getSingleton(ContentHeadStart.BEAN_NAME);
        assertThat(loading.loads(dir.toString())).isTrue();
        assertThat(loading.loads(""))
                .as("the bundled content is another folder")
                .isFalse();
        Catalog ahead = loading.join();
        Catalog fresh = new ContentLoader().load(ContentFiles.fromDirectory(dir));
        assertThat(ahead.lessonCount()).isPositive().isEqualTo(fresh.lessonCount());
        assertThat(ahead.tracks())
                .extracting(Track::slug)
                .isEqualTo(fresh.tracks().stream().map(Track::slug).toList());
    }

    @Test
    void invalidContentIsThrownWhereTheCatalogTakesIt(@TempDir Path dir) throws IOException {
        write(dir, FixtureContent.files());
        Files.writeString(dir.resolve(PARTS), "quiz: [unclosed");
        ContentHeadStart.Loading loading = ContentHeadStart.startLoading(environment(dir));

        assertThatThrownBy(loading::join)
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining(PARTS)
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void aTestsContextOrAFolderThatIsNotThereLoadsNothingAhead(@TempDir Path dir) throws IOException {
        write(dir, FixtureContent.files());
        GenericApplicationContext context = prepare(ContentHeadStartTest.class, dir); // as in a @SpringBootTest
        assertThat(context.getBeanFactory().containsSingleton(ContentHeadStart.BEAN_NAME))
                .isFalse();

        assertThat(ContentHeadStart.startLoading(environment(dir.resolve("missing"))))
                .isNull();
    }

    private static GenericApplicationContext prepare(Class<?> mainClass, Path contentDir) {
        SpringApplication application = new SpringApplication(NetverksApplication.class);
        application.setMainApplicationClass(mainClass);
        GenericApplicationContext context = new GenericApplicationContext();
        ContentHeadStart headStart = new ContentHeadStart();
        headStart.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), application, new String[0], environment(contentDir)));
        headStart.onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context));
        return context;
    }

    private static StandardEnvironment environment(Path contentDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("netverks.content-dir", contentDir.toString())));
        return environment;
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }
}
