package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/ballots}: the create form's fields, with JSON types. */
@Schema(name = "NewBallot")
record CreateBallotBody(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "Where shall we eat?",
                minLength = 3,
                maxLength = 255)
        @Nullable
        String measure,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"Pizza\", \"Sushi\", \"Tacos\"]") @Nullable
        List<String> options,

        @JsonProperty("allow_write_in") @Nullable Boolean allowWriteIn,

        @JsonProperty("starts_at")
        @Schema(description = "RFC 3339; absent: now", example = "2026-12-24T18:00:00Z")
        @Nullable
        String startsAt,

        @JsonProperty("duration_mins")
        @Schema(description = "Minutes from the start; 0: no end; absent: 60", example = "60")
        @Nullable
        Long durationMins,

        @JsonProperty("voting_method")
        @Schema(
                description = "How the ballot is marked; absent: single",
                allowableValues = {"single", "multiple", "approval", "ranked", "score"},
                example = "single")
        @Nullable
        String votingMethod,

        @JsonProperty("max_choices")
        @Schema(description = "multiple: most options one voter may pick", example = "2")
        @Nullable
        Integer maxChoices,

        @JsonProperty("results_visibility")
        @Schema(
                allowableValues = {"live", "after_vote", "after_close"},
                example = "live")
        @Nullable
        String resultsVisibility,

        @JsonProperty("who_may_vote")
        @Schema(
                allowableValues = {"anyone", "signed_in"},
                example = "anyone")
        @Nullable
        String whoMayVote,

        @JsonProperty("per_address_cap")
        @Schema(description = "Most votes one network may cast; absent: no cap")
        @Nullable
        Integer perAddressCap,

        @JsonProperty("vote_challenge") @Schema(description = "Votes need a proof of work") @Nullable
        Boolean voteChallenge) {}
