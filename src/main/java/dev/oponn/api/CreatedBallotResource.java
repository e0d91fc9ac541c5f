package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A new ballot as {@code GET} returns it, plus where to manage it and, for a guest, its manage token (shown once). */
@Schema(name = "CreatedBallot")
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreatedBallotResource(
        @JsonUnwrapped BallotResource ballot,
        @JsonProperty("manage_url") String manageUrl,

        @JsonProperty("manage_token")
        @Schema(
                description =
                        "The guest's manage key, for Authorization: Bearer; shown only this once. Absent for a signed-in creator.")
        @Nullable
        String manageToken) {}
