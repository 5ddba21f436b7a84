package org.netverks.learner;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks e-mail and password (Spring Security's own provider does), refusing first what
 * {@link LoginThrottle} refuses for this client. The client is the request's remote address
 * ({@code request.getRemoteAddr()}, which the form log-in puts in the details): the peer of the
 * connection, or, only behind a proxy the operator configured as trusted
 * ({@code server.forward-headers-strategy}), the address it forwards.
 */
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
        String client = LoginThrottle.clientKey(
                authentication.getDetails() instanceof WebAuthenticationDetails details
                        ? details.getRemoteAddress()
                        : null);
        throttle.refusal(email, client).ifPresent(refusal -> {
            throw new LockedException(refusal);
        });
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.clear(email, client);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email, client).ifPresent(refusal -> {
                throw new LockedException(refusal);
            });
            throw new BadCredentialsException("The e-mail address or the password is not right.");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
