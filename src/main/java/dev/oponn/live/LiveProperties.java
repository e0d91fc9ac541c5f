package dev.oponn.live;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live results stream ({@code OPONN_LIVE_*}).
 *
 * @param coalesceInterval a ballot pushes at most one update per interval; the last state is always delivered
 * @param heartbeatInterval a comment line goes to a quiet stream this often, so proxies keep it open and a vanished
 *     client is noticed
 * @param writeTimeout a viewer whose connection accepts no bytes for this long is dropped
 * @param streamTimeout the longest a single stream stays open; the browser then reconnects with its last event id
 * @param maxStreams open streams this instance accepts; beyond it, 503 with {@code Retry-After}. Unset, one stream
 *     per {@value #HEAP_PER_STREAM_KB} KB of maximum heap, at most {@value #DEFAULT_MAX_STREAMS}: an open stream costs
 *     about 12 KB of heap on Jetty (bench: {@code heap_bytes_per_viewer}), so the default leaves most of the heap to the
 *     rest
 * @param maxStreamsPerClient open streams one client address may hold; beyond it, 429
 * @param idleRetention how long the state of a ballot nobody watches any more is kept before the reaper drops it
 * @param endedLinger how long after a ballot ends its open streams stay (final tally sent, heartbeats only), so that
 *     an owner's reopening reaches every open page; 0 ends them with the final tally
 */
@ConfigurationProperties("oponn.live")
record LiveProperties(
        @DefaultValue("200ms") Duration coalesceInterval,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("30m") Duration streamTimeout,
        @Nullable Integer maxStreams,
        @DefaultValue("50") int maxStreamsPerClient,
        @DefaultValue("60s") Duration idleRetention,
        @DefaultValue("10m") Duration endedLinger) {

    static final int DEFAULT_MAX_STREAMS = 10_000;
    static final int HEAP_PER_STREAM_KB = 32;

    LiveProperties {
        requirePositive(coalesceInterval, "OPONN_LIVE_COALESCE_INTERVAL");
        requirePositive(heartbeatInterval, "OPONN_LIVE_HEARTBEAT_INTERVAL");
        requirePositive(writeTimeout, "OPONN_LIVE_WRITE_TIMEOUT");
        requirePositive(streamTimeout, "OPONN_LIVE_STREAM_TIMEOUT");
        requirePositive(idleRetention, "OPONN_LIVE_IDLE_RETENTION");
        if (endedLinger.isNegative()) {
            throw new IllegalArgumentException("OPONN_LIVE_ENDED_LINGER must not be negative, such as 10m or 0s.");
        }
        if ((maxStreams != null && maxStreams < 1) || maxStreamsPerClient < 1) {
            throw new IllegalArgumentException(
                    "OPONN_LIVE_MAX_STREAMS and OPONN_LIVE_MAX_STREAMS_PER_CLIENT must be at least 1.");
        }
    }

    /** The instance's stream cap: the setting, or what a heap of {@code maxHeapBytes} affords. */
    int streamCap(long maxHeapBytes) {
        if (maxStreams != null) {
            return maxStreams;
        }
        long affordable = maxHeapBytes / (HEAP_PER_STREAM_KB * 1024L);
        return (int) Math.max(1, Math.min(DEFAULT_MAX_STREAMS, affordable));
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, such as 200ms or 15s.");
        }
    }
}
