package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotService;
import dev.oponn.ballot.OwnerControls;
import dev.oponn.results.ResultsExport;
import dev.oponn.results.ResultsService;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.PublicUrls;
import dev.oponn.web.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The owner's controls, as the manage page offers them ({@link OwnerControls}: the same rules, the same refusals),
 * for the holder of the manage token or the signed-in owner. Anyone else gets 404, as for a ballot that does not
 * exist. A control done answers the ballot as it now is.
 */
@RestController
@Tag(name = "owner")
@SecurityRequirement(name = "manageToken")
class ApiOwnerController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @Schema(name = "Control", description = "The control's value, where it takes one")
    record ControlBody(
            @JsonProperty("duration_mins")
            @Schema(description = "reopen: minutes, 0 for no end; extend: minutes from 1", example = "30")
            @Nullable
            Long durationMins,

            @JsonProperty("results_visibility")
            @Schema(allowableValues = {"live", "after_vote", "after_close"})
            @Nullable
            String resultsVisibility,

            @JsonProperty("who_may_vote") @Schema(allowableValues = {"anyone", "signed_in"}) @Nullable
            String whoMayVote,

            // A node, not an Integer, to tell null (turn the cap off) from absent (a mistake, refused): a forgotten
            // field must not remove a defence.
            @JsonProperty("per_address_cap")
            @Schema(
                    types = {"integer", "null"},
                    minimum = "1",
                    maximum = "1000000",
                    description = "cap: most votes one network may cast from now on; null turns the cap off",
                    example = "30")
            @Nullable
            JsonNode perAddressCap,

            @JsonProperty("vote_challenge")
            @Schema(description = "challenge: whether votes need the proof of work from now on")
            @Nullable
            Boolean voteChallenge) {

        Map<String, String> form() {
            Map<String, String> form = new HashMap<>();
            if (durationMins != null) {
                form.put("duration_mins", Long.toString(durationMins));
            }
            if (resultsVisibility != null) {
                form.put("results_visibility", resultsVisibility);
            }
            if (whoMayVote != null) {
                form.put("who_may_vote", whoMayVote);
            }
            if (perAddressCap != null) {
                // null is the form's blank; a number its digits; anything else its text, which the rule refuses.
                form.put("per_address_cap", perAddressCap.isNull() ? "" : capText(perAddressCap));
            }
            if (voteChallenge != null) {
                form.put("vote_challenge", voteChallenge ? "on" : "off");
            }
            return form;
        }

        private static String capText(JsonNode cap) {
            return cap.isIntegralNumber() ? cap.asString() : "not a whole number: " + cap;
        }
    }

    private final ApiCallers callers;
    private final OwnerControls controls;
    private final BallotService ballots;
    private final BallotCatalog catalog;
    private final ResultsService results;
    private final PublicUrls urls;
    private final Clock clock;

    ApiOwnerController(
            ApiCallers callers,
            OwnerControls controls,
            BallotService ballots,
            BallotCatalog catalog,
            ResultsService results,
            PublicUrls urls,
            Clock clock) {
        this.callers = callers;
        this.controls = controls;
        this.ballots = ballots;
        this.catalog = catalog;
        this.results = results;
        this.urls = urls;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/ballots/{id}/{control:close|reopen|extend|start|visibility|voters|cap|challenge}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "An owner control: close, reopen, extend, start, visibility, voters, cap or challenge",
            description = "close and start take no body; reopen {duration_mins} (0: no end), extend {duration_mins},"
                    + " visibility {results_visibility}, voters {who_may_vote}, cap {per_address_cap} (null: no cap;"
                    + " votes already counted stay counted), challenge {vote_challenge}.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Done: the ballot as it now is"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "409", ref = "Conflict"),
                @ApiResponse(responseCode = "422", ref = "Invalid"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    BallotResource control(
            @PathVariable String id,
            @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "close",
                                                "reopen",
                                                "extend",
                                                "start",
                                                "visibility",
                                                "voters",
                                                "cap",
                                                "challenge"
                                            }))
                    @PathVariable
                    String control,
            @RequestBody(required = false) @Nullable ControlBody body,
            HttpServletRequest request) {
        Ballot ballot = callers.owned(id, request);
        FieldErrors errors = FieldErrors.none();
        OwnerControls.Control which = OwnerControls.Control.parse(control).orElseThrow(ApiException::notFound);
        Optional<String> refused = controls.apply(ballot, which, body == null ? Map.of() : body.form(), errors)
                .map(Text::english);
        if (errors.any()) {
            throw new ApiException(ApiProblem.invalid(errors));
        }
        if (refused.isPresent()) {
            throw new ApiException(ApiProblem.of(HttpStatus.CONFLICT, refused.get()));
        }
        Ballot now = catalog.find(ballot.id()).orElseThrow(ApiException::notFound);
        return BallotResource.of(now, clock.instant(), new ApiLinks(urls, request));
    }

    @DeleteMapping("/api/v1/ballots/{id}")
    @Operation(
            summary = "Delete a ballot",
            description = "Its data key is destroyed first, then its rows; every route of it then answers 404.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted", content = @Content),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = callers.owned(id, request);
        ballots.delete(ballot.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(
            path = "/api/v1/ballots/{id}/export",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "The tally as a file (JSON, or CSV with format=csv or Accept: text/csv)",
            description = "The owner's export, as the manage page's: the counts whatever the visibility.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The export",
                        content = {
                            @Content(
                                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema =
                                            @Schema(
                                                    type = "object",
                                                    description =
                                                            "The manage page's JSON export: per-method figures, ranked rounds")),
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
                        }),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResponseEntity<?> export(
            @PathVariable String id,
            @RequestParam(name = "format", required = false) @Nullable String format,
            HttpServletRequest request) {
        Ballot ballot = callers.owned(id, request);
        Instant readAt = clock.instant();
        ResultsExport export = ResultsExport.of(results.current(ballot), readAt);
        String accept = request.getHeader("Accept");
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (csv) {
            return ResponseEntity.ok().contentType(CSV).body(export.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export);
    }
}
