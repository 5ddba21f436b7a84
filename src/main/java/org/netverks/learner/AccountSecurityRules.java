package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.netverks.web.ApiError;
import org.netverks.web.ApiErrors;
import org.netverks.web.DatabaseUnavailable;
import org.netverks.web.LocalPaths;
import org.netverks.web.RenderedPages;
import org.netverks.web.SecurityRules;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Log-in by form (e-mail and password), log-out, and which paths need a signed-in learner. A
 * failed log-in shows the form again with the e-mail kept and a status that says what happened:
 * 401 for a wrong e-mail or password, 429 while the address is locked.
 */
@Component
class AccountSecurityRules implements SecurityRules {

    private final RenderedPages pages;

    AccountSecurityRules(RenderedPages pages) {
        this.pages = pages;
    }

    @Override
    public void apply(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http.formLogin(form -> form.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) ->
                                response.sendRedirect(LocalPaths.orElse(request.getParameter("continue"), "/me")))
                        .failureHandler(this::loginFailed))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/signed-out"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/me",
                                "/me/**",
                                "/account",
                                "/account/**",
                                "/api/progress",
                                "/api/progress/**",
                                "/api/me/**")
                        .authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, denied) -> ApiErrors.write(
                                        response, ApiError.of(401, "Log in first: this needs an account.")),
                                api)
                        .defaultAuthenticationEntryPointFor(
                                (request, response, denied) -> response.sendRedirect("/login?continue="
                                        + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8)),
                                request -> true));
    }

    private void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (DatabaseUnavailable.isCause(failure) && failure.getCause() instanceof RuntimeException cause) {
            throw cause; // not a wrong password: the database is away, and DatabaseUnavailable answers 503
        }
        boolean locked = failure instanceof LockedException;
        LogInForm form = new LogInForm(
                request.getParameter("email"),
                locked ? failure.getMessage() : "The e-mail address or the password is not right.",
                LocalPaths.orElse(request.getParameter("continue"), ""));
        pages.write(locked ? 429 : 401, AccountController.LOG_IN, form, request, response);
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null
                ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
