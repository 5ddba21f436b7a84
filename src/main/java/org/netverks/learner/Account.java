package org.netverks.learner;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner's account. The password hash never leaves {@link AccountRepository} except to be
 * checked. {@code verified}: the e-mail address is confirmed (by a link), or the account is from
 * before addresses were confirmed (see V5__email_verification.sql).
 */
public record Account(
        UUID id,
        String email,
        String displayName,
        boolean moderator,
        boolean blocked,
        Instant createdAt,
        boolean verified) {}
