/**
 * Per-client rate limits on the requests worth flooding: creating a ballot, casting a vote (and getting the device
 * to vote as: {@link dev.oponn.ratelimit.NewDevices}, the public surface, which the vote page asks) and connecting to
 * a live-results stream. Token buckets (Bucket4j) keyed by limit and client address live in Redis when Redis is
 * configured, so a client meets the same limit on every instance, and in process otherwise. Creation is limited
 * strictly; voting and viewing generously, because a classroom or an office votes from one address and the device
 * token, not the address, is what limits a voter.
 */
@NullMarked
package dev.oponn.ratelimit;

import org.jspecify.annotations.NullMarked;
