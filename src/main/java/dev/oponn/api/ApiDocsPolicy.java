package dev.oponn.api;

import dev.oponn.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/docs} is swagger-ui from its webjar, all static files (springdoc serves its initializer as a script
 * file, so no inline script is needed). Its bundle applies one fixed inline style, which the strict policy blocks;
 * on the docs' own paths only, the policy admits that one style by its hash and nothing else. Runs after Spring
 * Security, which has already written the pages' policy, and replaces it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsPolicy {

    /** The one inline style swagger-ui 5.32.2 applies (Chromium names its hash when it blocks it). */
    static final String SWAGGER_UI_STYLE = "sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiDocsContentSecurityPolicy() {
        String policy = SecurityHeaders.policyAdmittingStyles(SWAGGER_UI_STYLE);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", policy);
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/docs", "/api/docs/*", "/api/swagger-ui/*");
        return registration;
    }
}
