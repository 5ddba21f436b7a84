package org.netverks.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security with its defaults on: secure headers ({@link SecurityHeaders}: the defaults plus a
 * strict Content-Security-Policy and a same-origin Referrer-Policy), and CSRF protection by the cookie
 * convention (an {@code XSRF-TOKEN} cookie whose value scripts send back in {@code X-XSRF-TOKEN}),
 * so the JSON APIs can be used from the pages and from scripts alike.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Stylesheets, scripts, WebJars and the icon: public, cacheable, and no CSRF cookie minted for each of them. */
    @Bean
    @Order(1)
    SecurityFilterChain staticResources(HttpSecurity http) throws Exception {
        http.securityMatcher("/css/**", "/js/**", "/webjars/**", "/_static/**", "/favicon.svg", "/favicon.ico")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable());
        return http.build();
    }

    /**
     * The firewall's refusals (a parameter name or path it does not accept) are the client's
     * mistake: a 400 saying so, not an exception that the container logs as a 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(MalformedRequests malformed) {
        return (request, response, rejected) -> malformed.respond(
                request,
                response,
                400,
                "The address could not be used: it has characters or parts this site does not accept.");
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, java.util.List<SecurityRules> featureRules, SecurityHeaders securityHeaders)
            throws Exception {
        for (SecurityRules rules : featureRules) {
            rules.apply(http);
        }
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // reload answers only loopback callers (ContentAdminController) and has no browser caller
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers("/admin/content/reload"))
                .httpBasic(basic -> basic.disable())
                .headers(headers -> {
                    headers.defaultsDisabled();
                    securityHeaders.writers().forEach(headers::addHeaderWriter);
                })
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    if (!ErrorResponses.wantsJson(request)) {
                        // a form: the error page, saying what happened and what to do
                        request.setAttribute(
                                ErrorPageController.MESSAGE,
                                denied instanceof CsrfException
                                        ? "This form had expired: its security token changes when you log in or out. "
                                                + "Go back, reload the page and send it again."
                                        : "You are not allowed to do that.");
                        response.sendError(403);
                        return;
                    }
                    ApiErrors.write(
                            response,
                            ApiError.of(
                                    403,
                                    denied instanceof CsrfException
                                            ? "Missing or stale CSRF token: send the XSRF-TOKEN cookie's "
                                                    + "value in an X-XSRF-TOKEN header (reload the page if it is open)."
                                            : "You are not allowed to do that."));
                }));
        return http.build();
    }
}
