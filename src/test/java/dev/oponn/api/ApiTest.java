package dev.oponn.api;

import dev.oponn.support.OponnTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as the API's tests use it, one context for all of them (each context holds its own database
 * connections, which the machine's PostgreSQL has few of): a cheap proof of work, quick heartbeats, streams of an
 * ended ballot that end at once, and webhooks that may reach loopback and retry within a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OponnTest
@TestPropertySource(
        properties = {
            "oponn.votes.challenge-difficulty=50",
            "oponn.live.heartbeat-interval=1s",
            "oponn.live.idle-retention=1s",
            "oponn.live.ended-linger=0s",
            "oponn.webhooks.allow-private=true",
            "oponn.webhooks.retry-delay=1s"
        })
public @interface ApiTest {}
