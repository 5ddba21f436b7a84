package org.netverks.learner;

import java.time.Instant;
import java.util.UUID;

/** A learner's account. The password hash never leaves {@link AccountRepository} except to be checked. */
public record Account(UUID id, String email, String displayName, boolean moderator, boolean blocked,
        Instant createdAt) {
}
