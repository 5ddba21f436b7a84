package org.netverks.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A feature's part of the main security filter chain (its log-in form, its protected paths), so
 * that {@code web} wires Spring Security without knowing the features.
 */
public interface SecurityRules {

    void apply(HttpSecurity http) throws Exception;
}
