/**
 * Webhooks: an owner registers URLs for a ballot's {@code ballot.closed}, {@code ballot.deleted} and
 * {@code results.final}, and Oponn delivers them as the Standard Webhooks specification says ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,<HMAC-SHA256 of id.timestamp.body>}) with a per-webhook
 * {@code whsec_} secret shown once.
 *
 * <p>Deliveries go through an outbox, {@code webhook_delivery}, delivered after commit with retries and backoff, at
 * least once, under a stable id: a deletion's rows are written by the deleting transaction itself (a synchronous
 * listener of {@link dev.oponn.ballot.BallotDeleted}); a ballot's end, which no transaction makes (time passes, or an
 * owner closes it), is found in the database by a sweep that writes both messages and its marker in one
 * transaction. Bodies carry ids and counts, never ballot text, so a deleted ballot's destroyed key costs nothing.
 * Destinations must be public addresses (unless {@code OPONN_WEBHOOKS_ALLOW_PRIVATE}); redirects are not followed;
 * delivery runs on its own threads, so no vote waits for a receiver.
 *
 * <p>Tables: {@code webhook}, {@code webhook_delivery}; reads the voting window through {@code ballot_window} and the
 * final tally through {@link dev.oponn.results.ResultsService}. Public surface: {@link dev.oponn.webhook.Webhooks} (registering).
 */
@NullMarked
package dev.oponn.webhook;

import org.jspecify.annotations.NullMarked;
