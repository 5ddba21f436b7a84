package org.netverks.learner;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in, for features that keep rows per account (the discussion): the account id,
 * which {@code web.SignedInLearner} does not carry. Controllers take it as an argument
 * ({@link CurrentLearnerArguments}).
 */
public record CurrentLearner(UUID accountId, String displayName, boolean moderator) {

    /** The learner signed in on the current request, if any. */
    static Optional<CurrentLearner> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof LearnerPrincipal principal)) {
            return Optional.empty();
        }
        return Optional.of(new CurrentLearner(principal.accountId(), principal.displayName(), principal.moderator()));
    }
}
