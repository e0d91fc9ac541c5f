package dev.oponn.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oponn.ballot.Ballot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A ballot's definition and status, never its counts. */
@Schema(name = "Ballot")
@JsonInclude(JsonInclude.Include.NON_NULL)
record BallotResource(
        @Schema(example = "Xq3v2-Nn8BfL0aQm9tYw1A") String id,
        @Schema(example = "Where shall we eat?") String measure,
        List<Option> options,
        @JsonProperty("allow_write_in") boolean allowWriteIn,

        @JsonProperty("voting_method") @Schema(allowableValues = {"single", "multiple", "approval", "ranked", "score"})
        String votingMethod,

        @JsonProperty("max_choices") @Schema(description = "multiple: most options one voter may pick") @Nullable
        Integer maxChoices,

        @JsonProperty("results_visibility") @Schema(allowableValues = {"live", "after_vote", "after_close"})
        String resultsVisibility,

        @JsonProperty("who_may_vote") @Schema(allowableValues = {"anyone", "signed_in"})
        String whoMayVote,

        @JsonProperty("vote_challenge") @Schema(description = "Votes need the ballot's proof of work")
        boolean voteChallenge,

        @JsonProperty("per_address_cap") @Nullable Integer perAddressCap,

        @Schema(allowableValues = {"pending", "active", "ended"})
        String status,

        @JsonProperty("starts_at") Instant startsAt,

        @JsonProperty("ends_at") @Schema(description = "Absent: open until closed") @Nullable
        Instant endsAt,

        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("vote_url") String voteUrl,
        @JsonProperty("results_url") String resultsUrl,
        @JsonProperty("events_url") String eventsUrl) {

    @Schema(name = "BallotOption")
    record Option(
            @Schema(example = "1") int id,
            @Schema(example = "Pizza") String label,
            @JsonProperty("write_in") boolean writeIn) {}

    static BallotResource of(Ballot ballot, Instant now, ApiLinks links) {
        String id = ballot.id().value();
        return new BallotResource(
                id,
                ballot.measure(),
                ballot.options().stream()
                        .map(o -> new Option(o.id(), o.label(), o.writeIn()))
                        .toList(),
                ballot.allowWriteIn(),
                ballot.votingMethod().value(),
                ballot.maxChoices(),
                ballot.resultsVisibility().value(),
                ballot.whoMayVote().value(),
                ballot.defences().challenge(),
                ballot.defences().perAddressCap(),
                ballot.status(now).label(),
                ballot.startsAt(),
                ballot.endsAt(),
                ballot.createdAt(),
                links.absolute("/vote/" + id),
                links.absolute("/api/v1/ballots/" + id + "/results"),
                links.absolute("/api/v1/ballots/" + id + "/events"));
    }
}
