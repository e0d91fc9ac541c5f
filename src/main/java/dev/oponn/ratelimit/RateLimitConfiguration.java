package dev.oponn.ratelimit;

import dev.oponn.platform.ConditionalOnRedisConfigured;
import dev.oponn.web.ClientAddresses;
import dev.oponn.web.SecurityHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The limiter and its filter, which runs just before Spring Security: a flood is refused before CSRF checks,
 * sessions or controllers cost anything; the refusal writes the security headers itself.
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

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimiter limiter, ClientAddresses clients, SecurityHeaders headers) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, clients, headers));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
