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
        this.accountId = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.moderator = account.moderator();
        this.passwordHash = passwordHash;
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
