package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/ballots/{id}/votes}: the marks the ballot's method takes, and its proof of work if any. */
@Schema(name = "Vote")
record VoteBody(
        @JsonProperty("option_ids")
        @Schema(description = "The chosen options' ids (single choice: exactly one)", example = "[2]")
        @Nullable
        List<Integer> optionIds,

        @JsonProperty("write_in")
        @Schema(description = "A new option's text, where the ballot allows write-ins", example = "Curry")
        @Nullable
        String writeIn,

        @Schema(description = "Option ids, most preferred first (ranked ballots)") @Nullable
        List<Integer> ranking,

        @Schema(description = "A score per option id (scored ballots)") @Nullable
        Map<String, Integer> scores,

        @Schema(
                description =
                        "The challenge token from POST /api/v1/ballots/{id}/challenges, on a ballot with proof of work")
        @Nullable
        String challenge,

        @Schema(description = "The decimal n whose SHA-256(salt + n) starts below the target") @Nullable
        String solution) {}
