package org.netverks.learner;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.netverks.web.SignedInLearner;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in learner as Spring Security holds them, in the session (so it is serialisable and
 * small). The password hash is only here while the log-in is checked, then erased.
 */
final class LearnerPrincipal implements UserDetails, CredentialsContainer, SignedInLearner {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final String email;
    private final String displayName;
    private final boolean moderator;
    private String passwordHash;

    LearnerPrincipal(Account account, String passwordHash) {
        this(account.id(), account.email(), account.displayName(), account.moderator(), passwordHash);
    }

    private LearnerPrincipal(UUID accountId, String email, String displayName, boolean moderator, String passwordHash) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.moderator = moderator;
        this.passwordHash = passwordHash;
    }

    /** The same learner with the rights the database gives them now ({@link ModeratorRights}). */
    LearnerPrincipal withModerator(boolean moderator) {
        return new LearnerPrincipal(accountId, email, displayName, moderator, null);
    }

    UUID accountId() {
        return accountId;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean moderator() {
        return moderator;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return moderator
                ? List.of(new SimpleGrantedAuthority("ROLE_LEARNER"), new SimpleGrantedAuthority("ROLE_MODERATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_LEARNER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
