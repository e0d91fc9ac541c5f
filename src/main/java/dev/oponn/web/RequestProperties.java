package dev.oponn.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param headTimeout the longest a client may take to send a request's head (request line and headers), from its
 *     first byte; the connection is then closed. The idle timeout alone let a client that sends a byte every few
 *     seconds hold a connection for minutes. Bodies and the live streams, which are past their heads, are not
 *     bounded by it.
 */
@ConfigurationProperties("oponn.request")
record RequestProperties(@DefaultValue("10s") Duration headTimeout) {

    RequestProperties {
        if (headTimeout.isNegative() || headTimeout.isZero()) {
            throw new IllegalArgumentException("OPONN_REQUEST_HEAD_TIMEOUT must be positive, for example 10s.");
        }
    }
}
