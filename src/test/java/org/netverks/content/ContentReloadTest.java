package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.IntegrationTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reload is as strict as {@code validate}: a broken reference solution is refused with the same
 * problem, found on the app's own sandbox server, and the content being served stays as it was.
 */
@IntegrationTest
class ContentReloadTest {

    private static final String FIRST_SELECT = "tracks/fixture/lessons/first-select/exercises.yaml";

    @Autowired
    ContentPropertiesValidator validator;

    @Autowired
    ContentSync sync;

    @Autowired
    ObjectProvider<ContentDatabaseCheck> databaseCheck;

    @Autowired
    ObjectProvider<ContentHeadStart.Loading> headStart;

    @Test
    void aReloadRefusesABrokenSolutionAndKeepsTheOldContent(@TempDir Path dir) throws Exception {
        copy(Path.of(IntegrationTest.FIXTURE_CONTENT), dir);
        ContentCatalog catalog = new ContentCatalog(
                new ContentProperties(dir.toString(), new ContentProperties.Content(true)),
                validator,
                sync,
                databaseCheck,
                headStart);
        Catalog served = catalog.current();
        Path exercises = dir.resolve(FIRST_SELECT);
        String text = Files.readString(exercises);
        assertThat(text).contains("round(price * 1.20, 2) as price_with_tax\n      from products;");
        Files.writeString(
                exercises,
                text.replace(
                        "round(price * 1.20, 2) as price_with_tax\n      from products;",
                        "round(prize * 1.20, 2) as price_with_tax\n      from products;"));

        InvalidContentException refused = catchThrowableOfType(InvalidContentException.class, catalog::reload);

        assertThat(refused.problems()).extracting(ContentProblem::toString).anySatisfy(problem -> assertThat(problem)
                .startsWith(FIRST_SELECT + ": exercises[price-with-tax]: the reference solution of "
                        + "'price-with-tax' fails on dataset 'practice'")
                .contains("column \"prize\" does not exist"));
        assertThat(catalog.current()).as("the old content is still served").isSameAs(served);
        assertThat(catalog.current()
                        .lesson("fixture", "first-select")
                        .orElseThrow()
                        .lesson()
                        .exercise("price-with-tax")
                        .orElseThrow()
                        .solution())
                .contains("price * 1.20");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
