package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.stereotype.Component;

/**
 * Signs a learner in without the log-in form (with a confirmation or a password-reset link), as the
 * form does: a new session id (session fixation) and a new CSRF token. The token lives in the
 * {@code XSRF-TOKEN} cookie as {@code web.SecurityConfiguration} sets it up (csrf().spa(): a cookie
 * repository readable by scripts); the strategy clears it, and the next page mints a new one.
 */
@Component
class SignIn {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfAuthenticationStrategy csrf =
            new CsrfAuthenticationStrategy(CookieCsrfTokenRepository.withHttpOnlyFalse());

    void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a new id at every change of who is signed in (session fixation)
        }
        LearnerPrincipal principal = new LearnerPrincipal(account, null);
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        csrf.onAuthentication(authentication, request, response);
        SecurityContext context =
                SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
    }
}
