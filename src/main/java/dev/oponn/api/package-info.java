/**
 * The public JSON API, {@code /api/v1}: what a person does in the pages, for programs. Every rule is the pages' own,
 * reached through the features' public services: creating ({@link dev.oponn.ballot.BallotCreation}), voting
 * ({@link dev.oponn.vote.ProgramVoting}: the group commit, one vote per device, the defences), results and their
 * visibility ({@link dev.oponn.results.ResultsService}, {@link dev.oponn.results.ResultsAccess}), the owner's
 * controls ({@link dev.oponn.ballot.OwnerControls}), the live stream ({@link dev.oponn.live.ResultsStreams}: the
 * pages' feeds, in JSON) and webhooks ({@link dev.oponn.webhook.Webhooks}).
 *
 * <p>Programs are not browsers: no cookie is set and no CSRF token asked for; the credentials are headers (the
 * owner's {@code Authorization: Bearer <manage_token>}, a voter's {@code Oponn-Device}), or the signed-in session
 * for a same-site caller. Errors are RFC 9457 problem documents ({@link dev.oponn.api.ApiProblem}). The OpenAPI
 * document is generated from these controllers ({@code /api/v1/openapi.json}, read at {@code /api/docs}).
 *
 * <p>No tables. Nothing public: no other feature uses the API.
 */
@NullMarked
package dev.oponn.api;

import org.jspecify.annotations.NullMarked;
