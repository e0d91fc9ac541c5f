package dev.oponn.api;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.BallotCreation;
import dev.oponn.ballot.CreatedBallot;
import dev.oponn.ballot.NewBallotRequest;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Creating a ballot and reading its definition. */
@RestController
@Tag(name = "ballots")
class ApiBallotsController {

    private final BallotCreation creation;
    private final ApiCallers callers;
    private final PublicUrls urls;
    private final Clock clock;

    ApiBallotsController(BallotCreation creation, ApiCallers callers, PublicUrls urls, Clock clock) {
        this.creation = creation;
        this.callers = callers;
        this.urls = urls;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/ballots",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a ballot",
            description = "The create form's rules and messages. A guest gets the manage token once; a signed-in"
                    + " creator's ballot belongs to the account.",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created; Location is the ballot"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Invalid fields, each with the create form's message",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ApiProblem.class))),
                @ApiResponse(responseCode = "400", ref = "BadRequest"),
                @ApiResponse(responseCode = "429", ref = "TooManyRequests"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResponseEntity<CreatedBallotResource> create(@RequestBody CreateBallotBody body, HttpServletRequest request) {
        FieldErrors errors = FieldErrors.none();
        NewBallotRequest asked = new NewBallotRequest(
                body.measure(),
                body.options(),
                Boolean.TRUE.equals(body.allowWriteIn()),
                body.startsAt(),
                body.durationMins(),
                body.perAddressCap(),
                Boolean.TRUE.equals(body.voteChallenge()),
                body.resultsVisibility(),
                body.whoMayVote(),
                body.votingMethod(),
                body.maxChoices());
        @Nullable SignedInUser user = ApiCallers.signedIn();
        FieldErrors formErrors = FieldErrors.none();
        Optional<CreatedBallot> made = creation.create(asked, user == null ? null : user.id(), formErrors);
        formErrors.asMap().forEach((field, message) -> errors.reject(apiField(field), message));
        if (made.isEmpty()) {
            throw new ApiException(ApiProblem.invalid(errors));
        }
        CreatedBallot created = made.get();
        ApiLinks links = new ApiLinks(urls, request);
        BallotResource ballot = BallotResource.of(created.ballot(), clock.instant(), links);
        return ResponseEntity.created(URI.create(links.absolute("/api/v1/ballots/" + ballot.id())))
                .body(new CreatedBallotResource(
                        ballot,
                        links.absolute(created.managePath()),
                        created.manageToken().orElse(null)));
    }

    @GetMapping(path = "/api/v1/ballots/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A ballot's definition and status",
            description = "Never its counts.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The ballot"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    BallotResource ballot(@PathVariable String id, HttpServletRequest request) {
        return BallotResource.of(callers.ballot(id), clock.instant(), new ApiLinks(urls, request));
    }

    /** The form's field names as the API names them. */
    private static String apiField(String formField) {
        return switch (formField) {
            case "options_raw" -> "options";
            case "scheduled_start_time", "start_time_type" -> "starts_at";
            default -> formField;
        };
    }
}
