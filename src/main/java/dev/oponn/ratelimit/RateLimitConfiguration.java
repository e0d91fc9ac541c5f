package dev.oponn.ratelimit;

import dev.oponn.platform.ConditionalOnRedisConfigured;
import dev.oponn.web.ClientAddresses;
import dev.oponn.web.FeatureSecurity;
import dev.oponn.web.SecurityHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The limiter and its filter, which runs in Spring Security's chain right after the origin and CSRF checks: a flood
 * is refused before controllers cost anything, and only a request that could have come from Oponn's own pages is
 * charged. Were it charged before those checks, any site could make its visitors' browsers post refused forms until
 * their network's address had no creations or votes left.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "oponn.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    LocalBuckets localBuckets(RateLimitProperties properties) {
        return new LocalBuckets(longestPeriod(properties));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnRedisConfigured
    RedisBuckets redisBuckets(LettuceConnectionFactory redis, RateLimitProperties properties) {
        return new RedisBuckets(redis, properties.redisKeyPrefix(), longestPeriod(properties));
    }

    @Bean
    RateLimiter rateLimiter(
            RateLimitProperties properties,
            LocalBuckets local,
            ObjectProvider<RedisBuckets> shared,
            MeterRegistry meters) {
        return new RateLimiter(properties, local, shared.getIfAvailable(), meters);
    }

    /** A bucket untouched for this long is full again, so nothing is lost by forgetting it. */
    private static Duration longestPeriod(RateLimitProperties properties) {
        return Stream.of(LimitedAction.values())
                .map(action -> properties.limit(action).refillPeriod())
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /** Not a bean itself: Spring Boot would also register a filter bean with the servlet container. */
    @Bean
    FeatureSecurity rateLimits(RateLimiter limiter, ClientAddresses clients, SecurityHeaders headers) {
        RateLimitFilter filter = new RateLimitFilter(limiter, clients, headers);
        return http -> http.addFilterAfter(filter, CsrfFilter.class);
    }
}
