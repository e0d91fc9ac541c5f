package dev.oponn.ballot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The one ballot page that needs sign-in: a signed-in owner's manage page. Spring Security applies this before the
 * shared chain's catch-all {@code permitAll}, so the rule is seen first.
 */
@Configuration(proxyBeanMethods = false)
class OwnerPagesSecurity {

    @Bean
    Customizer<HttpSecurity> ownerPagesNeedSignIn() {
        return http -> http.authorizeHttpRequests(requests ->
                requests.requestMatchers(HttpMethod.GET, "/manage/*").authenticated());
    }
}
