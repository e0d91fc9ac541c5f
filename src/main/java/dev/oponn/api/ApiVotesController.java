package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.Ballot;
import dev.oponn.vote.ProgramVoting;
import dev.oponn.vote.VoteCommand;
import dev.oponn.web.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Voting: a device for the voter, a proof-of-work challenge where the owner asked for one, and the vote. A vote is
 * counted exactly as a page vote (group commit, one per device or account); its refusals carry the page's words.
 */
@RestController
@Tag(name = "voting")
class ApiVotesController {

    @Schema(name = "Device")
    record DeviceResource(
            @JsonProperty("device_token")
            @Schema(
                    description = "Send it as the Oponn-Device header",
                    example = "q8Xh2mR0bT5sYc1vN4kLzA.3fJ9wQ0eXrT2yU6iO1pA7g")
            String deviceToken) {}

    @Schema(
            name = "Challenge",
            description = "Find n (decimal) with the first 8 bytes of SHA-256(salt + n), unsigned, below target")
    record ChallengeResource(
            @Schema(description = "Send back as challenge") String challenge,
            String salt,

            @Schema(description = "An unsigned 64-bit number, in decimal", example = "922337203685477")
            String target,

            @JsonProperty("expires_at") Instant expiresAt) {}

    @Schema(name = "CountedVote")
    record CountedVote(
            @JsonProperty("ballot_id") String ballotId,
            @Schema(example = "true") boolean counted,
            @JsonProperty("results_url") String resultsUrl) {}

    private final ApiCallers callers;
    private final ProgramVoting voting;
    private final PublicUrls urls;

    ApiVotesController(ApiCallers callers, ProgramVoting voting, PublicUrls urls) {
        this.callers = callers;
        this.voting = voting;
        this.urls = urls;
    }

    @PostMapping(path = "/api/v1/devices", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A new voter device",
            description = "The signed token a vote page's cookie carries, for the Oponn-Device header. Limited as votes"
                    + " are, per client address.",
            responses = {
                @ApiResponse(responseCode = "201", description = "A device"),
                @ApiResponse(responseCode = "429", ref = "TooManyRequests")
            })
    ResponseEntity<DeviceResource> device() {
        return ResponseEntity.status(HttpStatus.CREATED).body(new DeviceResource(voting.issueDevice()));
    }

    @PostMapping(path = "/api/v1/ballots/{id}/challenges", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A proof-of-work challenge for one vote",
            description =
                    "Only on a ballot whose owner asked for proof of work (vote_challenge); each is spent by one vote.",
            responses = {
                @ApiResponse(responseCode = "201", description = "A challenge"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "409", ref = "Conflict"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResponseEntity<ChallengeResource> challenge(@PathVariable String id) {
        Ballot ballot = callers.ballot(id);
        ProgramVoting.Challenge issued = voting.challenge(ballot)
                .orElseThrow(() -> new ApiException(
                        ApiProblem.of(HttpStatus.CONFLICT, "This ballot needs no proof of work: vote without one")));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ChallengeResource(issued.token(), issued.salt(), issued.target(), issued.expiresAt()));
    }

    @PostMapping(
            path = "/api/v1/ballots/{id}/votes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Vote",
            description = "As the device in Oponn-Device, or on a signed_in ballot as the signed-in account.",
            parameters =
                    @Parameter(
                            name = ApiCallers.DEVICE_HEADER,
                            in = ParameterIn.HEADER,
                            description = "A device token from POST /api/v1/devices",
                            schema = @Schema(type = "string")),
            responses = {
                @ApiResponse(responseCode = "201", description = "Counted"),
                @ApiResponse(responseCode = "401", ref = "Unauthorized"),
                @ApiResponse(responseCode = "403", ref = "Forbidden"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "409", ref = "Conflict"),
                @ApiResponse(responseCode = "422", ref = "Invalid"),
                @ApiResponse(responseCode = "429", ref = "TooManyRequests"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResponseEntity<CountedVote> vote(@PathVariable String id, @RequestBody VoteBody body, HttpServletRequest request) {
        Ballot ballot = callers.ballot(id);
        @Nullable SignedInUser user = ApiCallers.signedIn();
        VoteCommand command = new VoteCommand(
                body.optionIds(), body.writeIn(), body.ranking(), body.scores(), body.challenge(), body.solution());
        ProgramVoting.Outcome outcome =
                voting.cast(ballot, command, callers.device(request), user == null ? null : user.id(), request);
        return switch (outcome) {
            case ProgramVoting.Outcome.Counted counted -> {
                String results = urls.absolute("/api/v1/ballots/" + ballot.id().value() + "/results", request);
                yield ResponseEntity.status(HttpStatus.CREATED)
                        .body(new CountedVote(ballot.id().value(), true, results));
            }
            case ProgramVoting.Outcome.Invalid invalid -> throw new ApiException(ApiProblem.invalid(invalid.errors()));
            case ProgramVoting.Outcome.NoVoter none -> {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.WWW_AUTHENTICATE, none.signInNeeded() ? "Session" : ApiCallers.DEVICE_HEADER);
                throw new ApiException(
                        ApiProblem.of(HttpStatus.UNAUTHORIZED, none.message())
                                .withReason(none.signInNeeded() ? "sign_in" : "no_device"),
                        headers);
            }
            case ProgramVoting.Outcome.Refused refused -> {
                HttpStatus status = refused.reason().equals("challenge") ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
                throw new ApiException(ApiProblem.of(status, refused.message()).withReason(refused.reason()));
            }
        };
    }
}
