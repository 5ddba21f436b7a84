package org.netverks.learner;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Impossible account settings stop the start with a message saying which and why. */
@Component
class LearnerPropertiesValidator {

    LearnerPropertiesValidator(LearnerProperties properties) {
        List<String> problems = new ArrayList<>();
        String from = properties.mail().from();
        try {
            new InternetAddress(from == null ? "" : from, true).validate();
        } catch (AddressException e) {
            problems.add("netverks.mail.from must be an e-mail address like no-reply@example.org"
                    + " (or Name <no-reply@example.org>), not '" + from + "'");
        }
        publicUrlProblem(properties.publicUrl()).ifPresent(problems::add);
        for (String moderator : properties.moderators()) {
            if (!moderator.isBlank() && AccountRules.emailProblem(moderator).isPresent()) {
                problems.add("netverks.moderators: '" + moderator.strip()
                        + "' is not an e-mail address like name@example.org (the list is comma-separated)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid account settings:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static java.util.Optional<String> publicUrlProblem(String publicUrl) {
        String allowed = "netverks.public-url must be an absolute http or https URL like https://learn.example.org"
                + " (no query or fragment), not '" + publicUrl + "'";
        if (publicUrl == null || publicUrl.isBlank()) {
            return java.util.Optional.of(allowed);
        }
        try {
            URI uri = new URI(publicUrl);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return java.util.Optional.of(allowed);
            }
        } catch (URISyntaxException e) {
            return java.util.Optional.of(allowed);
        }
        return java.util.Optional.empty();
    }
}
