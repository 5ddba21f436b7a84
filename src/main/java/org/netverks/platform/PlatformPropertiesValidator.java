package org.netverks.platform;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Impossible platform settings stop the start with a message saying which and why. */
@Component
class PlatformPropertiesValidator {

    PlatformPropertiesValidator(PlatformProperties properties) {
        List<String> problems = new ArrayList<>();
        if (properties.dataDir() == null || properties.dataDir().toString().isBlank()) {
            problems.add("netverks.data-dir must name a folder (default ./data)");
        } else if (Files.exists(properties.dataDir()) && !Files.isDirectory(properties.dataDir())) {
            problems.add("netverks.data-dir (" + properties.dataDir().toAbsolutePath() + ") is a file, not a folder");
        }
        if (properties.embeddedRestartDelay() == null
                || properties.embeddedRestartDelay().isNegative()
                || properties.embeddedRestartDelay().isZero()) {
            problems.add("netverks.embedded-restart-delay must be positive (like 1s or 500ms), not "
                    + properties.embeddedRestartDelay());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid platform settings:\n  - " + String.join("\n  - ", problems));
        }
    }
}
