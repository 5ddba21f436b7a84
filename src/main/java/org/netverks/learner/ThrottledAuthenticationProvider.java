package org.netverks.learner;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks e-mail and password (Spring Security's own provider does), refusing locked addresses first. */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(new AccountDetailsService(accounts));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        throttle.lockedUntil(email).ifPresent(until -> {
            throw new LockedException(lockMessage(until));
        });
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.clear(email);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email).ifPresent(until -> {
                throw new LockedException(lockMessage(until));
            });
            throw new BadCredentialsException("The e-mail address or the password is not right.");
        }
    }

    static String lockMessage(Instant until) {
        long minutes = Math.max(1, (Duration.between(Instant.now(), until).toSeconds() + 59) / 60);
        return "Too many failed log-ins for this e-mail address: log-in is locked for " + minutes + " more minute"
                + (minutes == 1 ? "" : "s") + ". If you forgot your password, reset it instead.";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
