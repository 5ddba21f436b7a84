package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentPropertiesValidatorTest {

    private static ContentProperties settings(String contentDir) {
        return new ContentProperties(contentDir, new ContentProperties.Content(true));
    }

    @Test
    void emptyMeansTheBundledContentAndAnExistingFolderIsServed(@TempDir Path folder) {
        assertThatCode(() -> new ContentPropertiesValidator(settings(""))).doesNotThrowAnyException();
        assertThatCode(() -> new ContentPropertiesValidator(settings(folder.toString())))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingFolderStopsTheStartNamingTheSetting(@TempDir Path folder) {
        Path missing = folder.resolve("no-such-folder");
        assertThatThrownBy(() -> new ContentPropertiesValidator(settings(missing.toString())))
                .hasMessageContaining("netverks.content-dir (" + missing.toAbsolutePath() + ") is not a folder;"
                        + " leave it empty to serve the content bundled with the app");
    }
}
