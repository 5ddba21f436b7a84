package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformPropertiesValidatorTest {

    @Test
    void theDefaultsAreValid() {
        assertThatCode(() -> new PlatformPropertiesValidator(
                        new PlatformProperties(Path.of("./data"), Duration.ofSeconds(1))))
                .doesNotThrowAnyException();
    }

    @Test
    void aRestartDelayOfZeroOrLessStopsTheStart() {
        assertThatThrownBy(
                        () -> new PlatformPropertiesValidator(new PlatformProperties(Path.of("./data"), Duration.ZERO)))
                .hasMessageContaining("netverks.embedded-restart-delay must be positive (like 1s or 500ms), not PT0S");
        assertThatThrownBy(() -> new PlatformPropertiesValidator(
                        new PlatformProperties(Path.of("./data"), Duration.ofSeconds(-1))))
                .hasMessageContaining("netverks.embedded-restart-delay must be positive");
    }

    @Test
    void theDataDirMustBeAFolder(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> new PlatformPropertiesValidator(new PlatformProperties(file, Duration.ofSeconds(1))))
                .hasMessageContaining("netverks.data-dir (" + file.toAbsolutePath() + ") is a file, not a folder");
        assertThatThrownBy(() -> new PlatformPropertiesValidator(new PlatformProperties(null, Duration.ofSeconds(1))))
                .hasMessageContaining("netverks.data-dir must name a folder");
        assertThatCode(() -> new PlatformPropertiesValidator(
                        new PlatformProperties(temp.resolve("not-made-yet"), Duration.ofSeconds(1))))
                .as("made at the first start")
                .doesNotThrowAnyException();
    }
}
