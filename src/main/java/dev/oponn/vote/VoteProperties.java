package dev.oponn.vote;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Group commit of votes.
 *
 * @param writers writer lanes; a ballot always uses the same lane, so its votes never contend across lanes
 * @param maxBatch most votes committed in one transaction
 * @param queueCapacity votes waiting per lane before new ones are refused with 503
 * @param stopTimeout on shutdown, how long the lanes may take to commit what is queued; after it, what is left is
 *     abandoned uncommitted (and was never acknowledged), so a database that has gone away cannot hold the
 *     process forever
 * @param maxWriteInsPerBallot most write-in options one ballot may gain; the next new write-in is refused
 * @param challengeDifficulty expected SHA-256 hashes to solve a ballot's proof of work (the target is
 *     2^64 / difficulty on the hash's first 8 bytes): about 0.5 s in a phone's browser, microseconds to check
 * @param challengeLifetime how long a vote page's challenge may be solved and used
 */
@Validated
@ConfigurationProperties("oponn.votes")
record VoteProperties(
        @DefaultValue("4") @Min(1) @Max(64) int writers,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxBatch,
        @DefaultValue("20000") @Min(1) int queueCapacity,
        @DefaultValue("10s") Duration stopTimeout,
        @DefaultValue("50") @Min(0) int maxWriteInsPerBallot,
        @DefaultValue("20000") @Min(1) @Max(100_000_000) long challengeDifficulty,
        @DefaultValue("10m") Duration challengeLifetime) {}
