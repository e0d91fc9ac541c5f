package dev.oponn.ballot;

import dev.oponn.web.FeatureSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The one ballot page that needs sign-in: a signed-in owner's manage page. Applied before the shared chain's
 * catch-all {@code permitAll}, so the rule is seen first.
 */
@Configuration(proxyBeanMethods = false)
class OwnerPagesSecurity {

    @Bean
    FeatureSecurity ownerPagesNeedSignIn() {
        return http -> http.authorizeHttpRequests(requests ->
                requests.requestMatchers(HttpMethod.GET, "/manage/*").authenticated());
    }
}
