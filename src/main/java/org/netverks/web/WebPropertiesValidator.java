package org.netverks.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Impossible web settings stop the start with a message saying which and why. */
@Component
class WebPropertiesValidator {

    WebPropertiesValidator(WebProperties properties) {
        List<String> problems = new ArrayList<>();
        if (properties.siteName() != null
                && properties.siteName().strip().chars().anyMatch(Character::isISOControl)) {
            problems.add("netverks.site-name must not contain control characters (such as a line break)");
        }
        var timeout = properties.web().bodyTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            problems.add("netverks.web.body-timeout must be positive (like 10s), not " + timeout);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid web settings:\n  - " + String.join("\n  - ", problems));
        }
    }
}
