package dev.oponn.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Only when {@code OPONN_REDIS_URL} is set ({@link RedisConfiguration} then provides the connection), or with
 * {@code false} only when it is not: the in-process form of a feature that can use Redis.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnRedisConfigured.OnRedis.class)
public @interface ConditionalOnRedisConfigured {

    boolean value() default true;

    final class OnRedis extends SettingCondition {
        OnRedis() {
            super("oponn.redis.url", ConditionalOnRedisConfigured.class);
        }
    }
}
