package dev.oponn.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A feature's part of the application's security filter chain (its sign-in routes, the pages that need sign-in),
 * as a bean. {@code SecurityConfiguration} applies every one before its own rules, so a feature's request rules
 * come before the catch-all {@code permitAll}. Unlike a {@code Customizer<HttpSecurity>} bean, which Spring
 * Security applies to every chain, this reaches only the application's pages (not, say, a management chain).
 */
@FunctionalInterface
public interface FeatureSecurity {

    void configure(HttpSecurity http);
}
