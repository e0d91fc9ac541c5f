package dev.oponn.live;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.platform.ConditionalOnRedisConfigured;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Picks how votes and owner changes are announced: over Redis when {@code OPONN_REDIS_URL} is set (the same switch as
 * {@code platform.RedisConfiguration}), in process otherwise.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /** One pub/sub connection for the instance, started and stopped with the context. */
    @Bean
    @ConditionalOnRedisConfigured
    RedisMessageListenerContainer liveUpdatesListener(LettuceConnectionFactory connections, LiveThreads threads) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(threads.workers());
        return container;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnRedisConfigured
    RedisVoteAnnouncements redisVoteAnnouncements(
            LiveResults live,
            StringRedisTemplate redis,
            RedisMessageListenerContainer liveUpdatesListener,
            LiveThreads threads,
            LiveMetrics metrics,
            LiveProperties properties) {
        return new RedisVoteAnnouncements(
                live,
                redis,
                liveUpdatesListener,
                threads,
                metrics,
                properties.coalesceInterval().dividedBy(4));
    }

    @Bean
    @ConditionalOnRedisConfigured
    RedisBallotNotices redisBallotNotices(
            LiveResults live,
            BallotCatalog catalog,
            StringRedisTemplate redis,
            RedisMessageListenerContainer liveUpdatesListener,
            LiveMetrics metrics) {
        return new RedisBallotNotices(live, catalog, redis, liveUpdatesListener, metrics);
    }

    @Bean
    @ConditionalOnRedisConfigured(false)
    InProcessBallotNotices inProcessBallotNotices() {
        return new InProcessBallotNotices();
    }

    @Bean
    @ConditionalOnRedisConfigured(false)
    InProcessVoteAnnouncements inProcessVoteAnnouncements(LiveResults live) {
        return new InProcessVoteAnnouncements(live);
    }
}
