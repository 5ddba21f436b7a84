package org.netverks.learner;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Looks learners up by e-mail address for Spring Security. Not a bean of its own: only the
 * throttled provider uses it, so no second, unthrottled log-in path can be configured from it.
 */
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.byEmail(email)
                .map(account -> new LearnerPrincipal(
                        account, accounts.passwordHash(email).orElseThrow()))
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }
}
