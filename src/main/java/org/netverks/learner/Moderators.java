package org.netverks.learner;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The configured moderator addresses ({@code netverks.moderators}). An address on the list gets
 * moderator rights only once it is confirmed: at every start, and at the moment it is confirmed.
 */
@Component
class Moderators {

    private final List<String> addresses;

    Moderators(LearnerProperties properties) {
        this.addresses = properties.moderators().stream()
                .map(String::strip)
                .filter(email -> !email.isEmpty())
                .map(email -> email.toLowerCase(Locale.ROOT))
                .toList();
    }

    boolean includes(String email) {
        return email != null && addresses.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    List<String> addresses() {
        return addresses;
    }
}
