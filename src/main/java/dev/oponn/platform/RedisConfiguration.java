package dev.oponn.platform;

import io.lettuce.core.RedisURI;
import java.time.Duration;
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

    @Bean(destroyMethod = "destroy")
    LettuceConnectionFactory redisConnectionFactory(OponnProperties properties) {
        RedisURI uri = RedisURI.create(properties.redis().url());
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        if (uri.getUsername() != null) {
            server.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null) {
            server.setPassword(RedisPassword.of(uri.getPassword()));
        }
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2));
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
