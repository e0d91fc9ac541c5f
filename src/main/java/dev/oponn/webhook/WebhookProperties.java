package dev.oponn.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook delivery.
 *
 * @param allowPrivate let webhooks reach private, loopback and link-local addresses (tests, a closed network); off,
 *     such destinations are refused at registration and at delivery, so a webhook cannot probe Oponn's own network
 * @param retryDelay the wait before the first retry of a failed delivery; each later retry waits four times longer,
 *     at most an hour, for ten attempts in all
 */
@Validated
@ConfigurationProperties("oponn.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("10s") Duration retryDelay) {}
