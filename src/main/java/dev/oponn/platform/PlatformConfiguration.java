package dev.oponn.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Injected rather than read from {@code Instant.now()} so that status rules are testable at any instant. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServerSecret serverSecret(OponnProperties properties) {
        return ServerSecret.load(properties);
    }

    @Bean
    LogFingerprints logFingerprints(ServerSecret secret) {
        return new LogFingerprints(secret);
    }
}
