package dev.oponn.api;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.Ballot;
import dev.oponn.live.ResultsStreams;
import dev.oponn.results.ResultsAccess;
import dev.oponn.results.ResultsDocument;
import dev.oponn.results.ResultsService;
import dev.oponn.vote.ProgramVoting;
import dev.oponn.vote.Voters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counts, now and live, for whoever may see them ({@link ResultsAccess}, as on the pages: the owner always,
 * under {@code after_vote} a device that voted, everyone once the ballot ended); anyone else gets 403 and when the
 * counts will show.
 */
@RestController
@Tag(name = "results")
class ApiResultsController {

    private final ApiCallers callers;
    private final ResultsService results;
    private final ResultsAccess access;
    private final ProgramVoting voting;
    private final Voters voters;
    private final ResultsStreams streams;
    private final Clock clock;

    ApiResultsController(
            ApiCallers callers,
            ResultsService results,
            ResultsAccess access,
            ProgramVoting voting,
            Voters voters,
            ResultsStreams streams,
            Clock clock) {
        this.callers = callers;
        this.results = results;
        this.access = access;
        this.voting = voting;
        this.voters = voters;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/ballots/{id}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The counts and the tally version",
            parameters =
                    @Parameter(
                            name = ApiCallers.DEVICE_HEADER,
                            in = ParameterIn.HEADER,
                            description = "The voter's device, for a ballot whose counts show after voting",
                            schema = @Schema(type = "string")),
            responses = {
                @ApiResponse(responseCode = "200", description = "The tally"),
                @ApiResponse(responseCode = "403", ref = "Hidden"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResultsDocument results(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = callers.ballot(id);
        refuseIfHidden(ballot, request);
        return ResultsDocument.of(results.current(ballot), clock.instant());
    }

    @GetMapping(path = "/api/v1/ballots/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The counts as they change (Server-Sent Events)",
            description = "event: results with the results document as data and the tally version as id;"
                    + " Last-Event-ID resumes (nothing is sent until the tally passes it); a comment heartbeat on a"
                    + " quiet stream; event: closed after the final tally (the stream then lingers, so a reopening"
                    + " reaches it, until event: end), event: deleted when the ballot is deleted;"
                    + " event: hidden if the owner hides the counts meanwhile. An ended ballot answers its final tally,"
                    + " or 204 to a client that has it.",
            parameters = {
                @Parameter(
                        name = "Last-Event-ID",
                        in = ParameterIn.HEADER,
                        description = "The last tally version received",
                        schema = @Schema(type = "string")),
                @Parameter(
                        name = ApiCallers.DEVICE_HEADER,
                        in = ParameterIn.HEADER,
                        description = "The voter's device, for a ballot whose counts show after voting",
                        schema = @Schema(type = "string"))
            },
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The stream",
                        content =
                                @Content(
                                        mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                        schema = @Schema(type = "string"),
                                        examples =
                                                @ExampleObject(
                                                        value =
                                                                "event: results\nid: 3\ndata: {\"ballot_id\":\"Xq3v2-Nn8BfL0aQm9tYw1A\","
                                                                        + "\"status\":\"active\",\"tally_version\":3,\"total_votes\":3,...}\n\n"))),
                @ApiResponse(responseCode = "204", description = "Ended, and the client has the final tally"),
                @ApiResponse(responseCode = "403", ref = "Hidden"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "429", ref = "TooManyRequests"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    void events(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Ballot ballot = callers.ballot(id);
        boolean owner = callers.owns(ballot.id(), request);
        Optional<Voters.VoterKey> voter = voter(ballot, request);
        if (!access.seesCounts(ballot, owner, voter)) {
            throw hidden(ballot);
        }
        boolean voted = !owner
                && !access.visibleToAll(ballot)
                && voter.map(key -> voters.hasVoted(ballot.id(), key)).orElse(false);
        @Nullable SignedInUser user = ApiCallers.signedIn();
        Voters.Keys keys = voting.keys(ballot.id(), callers.device(request), user == null ? null : user.id());
        streams.serveJson(ballot, new ResultsStreams.Watcher(owner, keys, voted), request, response);
    }

    private void refuseIfHidden(Ballot ballot, HttpServletRequest request) {
        if (!access.seesCounts(ballot, callers.owns(ballot.id(), request), voter(ballot, request))) {
            throw hidden(ballot);
        }
    }

    private Optional<Voters.VoterKey> voter(Ballot ballot, HttpServletRequest request) {
        @Nullable SignedInUser user = ApiCallers.signedIn();
        return voting.voter(ballot, callers.device(request), user == null ? null : user.id());
    }

    private static ApiException hidden(Ballot ballot) {
        return new ApiException(ApiProblem.of(
                HttpStatus.FORBIDDEN, ballot.resultsVisibility().hiddenNotice().english()));
    }
}
