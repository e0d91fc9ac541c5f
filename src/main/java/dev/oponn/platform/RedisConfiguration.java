package dev.oponn.platform;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis, only when {@code OPONN_REDIS_URL} is set ({@code redis://[user:password@]host:port/db}). Without it no
 * Redis bean exists at all, and every feature that can use Redis (live fan-out, shared sessions, rate limits,
 * the key cache) falls back to its in-process form. Spring Boot's own Redis auto-configuration is excluded so
 * that nothing connects to a default localhost Redis behind this switch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedisConfigured
class RedisConfiguration {

    /**
     * Lettuce's default reconnect backoff doubles up to 30 s, so after an outage of half a minute Redis could be back
     * for many seconds before an instance tried again: the fault suite saw live viewers on the other instance wait
     * 10.5 s after Redis returned. Retrying at most a second apart costs one connection attempt a second while
     * Redis is away and brings every instance back within about a second.
     */
    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return DefaultClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "destroy")
    LettuceConnectionFactory redisConnectionFactory(OponnProperties properties, ClientResources resources) {
        RedisURI uri = RedisURI.create(properties.redis().url());
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        if (uri.getUsername() != null) {
            server.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null) {
            server.setPassword(RedisPassword.of(uri.getPassword()));
        }
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(2))
                .clientResources(resources);
        if (uri.isSsl()) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(server, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory connections) {
        return new StringRedisTemplate(connections);
    }
}
