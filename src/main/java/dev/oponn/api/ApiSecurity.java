package dev.oponn.api;

import dev.oponn.web.FeatureSecurity;
import dev.oponn.web.ProgramRoutes;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API in the application's security chain. No CSRF token: the API's credentials are headers a foreign page
 * cannot make a browser send (and {@code web.SameOriginRequests} still refuses a cross-site request that carries
 * cookies). CORS lets any origin read ballots, results and events, get a device and post votes, without
 * credentials; the owner's operations get no CORS answer, so no browser lets another site's script call them.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    FeatureSecurity apiWithoutCsrf() {
        return http -> http.csrf(csrf -> csrf.ignoringRequestMatchers(ProgramRoutes.PREFIX + "**"))
                .cors(cors -> cors.configurationSource(publicOperations()));
    }

    private static UrlBasedCorsConfigurationSource publicOperations() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/ballots/*", anyOrigin("GET"));
        source.registerCorsConfiguration("/api/v1/ballots/*/results", anyOrigin("GET"));
        source.registerCorsConfiguration("/api/v1/ballots/*/events", anyOrigin("GET"));
        source.registerCorsConfiguration("/api/v1/ballots/*/votes", anyOrigin("POST"));
        source.registerCorsConfiguration("/api/v1/ballots/*/challenges", anyOrigin("POST"));
        source.registerCorsConfiguration("/api/v1/devices", anyOrigin("POST"));
        source.registerCorsConfiguration("/api/v1/openapi.json", anyOrigin("GET"));
        return source;
    }

    private static CorsConfiguration anyOrigin(String method) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("*"));
        cors.setAllowedMethods(List.of(method));
        cors.setAllowedHeaders(List.of("Content-Type", ApiCallers.DEVICE_HEADER, "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Location", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        return cors;
    }
}
