package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oponn.ballot.Ballot;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.PublicUrls;
import dev.oponn.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An owner's webhooks: registered here, delivered by {@code webhook} per the Standard Webhooks specification. */
@RestController
@Tag(name = "owner")
@SecurityRequirement(name = "manageToken")
class ApiWebhooksController {

    @Schema(name = "NewWebhook")
    record WebhookBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://example.org/hooks/oponn") @Nullable
            String url,

            @ArraySchema(
                    schema = @Schema(allowableValues = {"ballot.closed", "ballot.deleted", "results.final"}),
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"results.final\"]"))
            @Nullable
            List<String> events) {}

    @Schema(name = "Webhook")
    record WebhookResource(
            @Schema(example = "wh_1Zb7Qm0rT3xYv9sKpL2aWg") String id,
            String url,
            List<String> events,

            @Schema(
                    description = "The signing secret (Standard Webhooks): shown only this once",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,

            @JsonProperty("ballot_url") String ballotUrl) {}

    private final ApiCallers callers;
    private final Webhooks webhooks;
    private final PublicUrls urls;

    ApiWebhooksController(ApiCallers callers, Webhooks webhooks, PublicUrls urls) {
        this.callers = callers;
        this.webhooks = webhooks;
        this.urls = urls;
    }

    @PostMapping(
            path = "/api/v1/ballots/{id}/webhooks",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register a webhook",
            description =
                    "Messages are signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature"
                            + " v1 HMAC-SHA256 of id.timestamp.body), delivered at least once with the same webhook-id,"
                            + " retried with backoff. Bodies carry ids and counts, never ballot text. Only public destinations.",
            responses = {
                @ApiResponse(responseCode = "201", description = "Registered; the secret is shown only now"),
                @ApiResponse(responseCode = "404", ref = "NotFound"),
                @ApiResponse(responseCode = "422", ref = "Invalid"),
                @ApiResponse(responseCode = "503", ref = "Unavailable")
            })
    ResponseEntity<WebhookResource> register(
            @PathVariable String id, @RequestBody WebhookBody body, HttpServletRequest request) {
        Ballot ballot = callers.owned(id, request);
        FieldErrors errors = FieldErrors.none();
        Webhooks.Registered registered = webhooks.register(ballot.id(), body.url(), body.events(), errors)
                .orElseThrow(() -> new ApiException(ApiProblem.invalid(errors)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new WebhookResource(
                        registered.id(),
                        registered.url(),
                        registered.events(),
                        registered.secret(),
                        urls.absolute("/api/v1/ballots/" + ballot.id().value(), request)));
    }
}
