package dev.oponn.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oponn.ballot.Ballot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A tally as programs read it: the public API's results and the data of its live stream's {@code results} events,
 * one shape for both. Percentages are of all votes, to one decimal place, as in the export.
 *
 * @param tallyVersion the total number of votes: it only grows, so a larger one is always a newer tally (the live
 *     stream's event id)
 */
@Schema(name = "Results")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultsDocument(
        @JsonProperty("ballot_id") String ballotId,
        String status,
        @JsonProperty("voting_method") String votingMethod,
        @JsonProperty("tally_version") long tallyVersion,
        @JsonProperty("total_votes") long totalVotes,
        List<Option> options,

        @Schema(description = "ranked: the instant-runoff rounds, first to last") @Nullable
        List<Round> rounds,

        @Schema(
                description =
                        "ranked: the instant-runoff winner; score: the STAR winner; absent on a tie or before any vote")
        @Nullable
        Integer winner,

        @Schema(description = "score: stars per option") @Nullable
        List<Stars> stars,

        @JsonProperty("read_at") Instant readAt) {

    @Schema(name = "ResultsOption")
    public record Option(
            int id,
            String label,
            @JsonProperty("write_in") boolean writeIn,
            long votes,
            double percent,
            boolean leader) {}

    /**
     * One instant-runoff round: votes per continuing option, the ballots they add up to, the votes that win, the
     * ballots exhausted so far and the options eliminated after it.
     */
    @Schema(name = "RunoffRound")
    public record Round(
            int number,
            List<Count> counts,
            long continuing,
            long threshold,
            long exhausted,
            List<Integer> eliminated) {}

    @Schema(name = "RoundCount")
    public record Count(@JsonProperty("option_id") int optionId, long votes) {}

    @Schema(name = "OptionStars")
    public record Stars(
            @JsonProperty("option_id") int optionId,
            @JsonProperty("total_stars") long totalStars,
            @JsonProperty("average_stars") double averageStars,
            @JsonProperty("scored_by") long scoredBy) {}

    /** What the live stream sends a requester from whom the counts are hidden: when they will show, no count. */
    @Schema(name = "HiddenResults")
    public record Hidden(
            @JsonProperty("ballot_id") String ballotId,
            String status,
            @JsonProperty("results_visibility") String resultsVisibility,
            String detail) {

        public static Hidden of(Ballot ballot, Instant now) {
            return new Hidden(
                    ballot.id().value(),
                    ballot.status(now).label(),
                    ballot.resultsVisibility().value(),
                    ballot.resultsVisibility().hiddenNotice().english());
        }
    }

    public static ResultsDocument of(Results results, Instant readAt) {
        Ballot ballot = results.ballot();
        return new ResultsDocument(
                ballot.id().value(),
                ballot.status(readAt).label(),
                ballot.votingMethod().value(),
                results.version(),
                results.total(),
                results.rows().stream()
                        .map(row -> new Option(
                                row.option().id(),
                                row.option().label(),
                                row.option().writeIn(),
                                row.votes(),
                                ResultsExport.share(row.votes(), results.total()),
                                row.leader()))
                        .toList(),
                rounds(results.ranked()),
                winner(results),
                stars(results.score()),
                readAt);
    }

    private static @Nullable List<Round> rounds(@Nullable RankedResults ranked) {
        if (ranked == null) {
            return null;
        }
        return ranked.runoff().rounds().stream()
                .map(round -> new Round(
                        round.number(),
                        round.tally().entrySet().stream()
                                .map(e -> new Count(e.getKey(), e.getValue()))
                                .toList(),
                        round.continuing(),
                        round.threshold(),
                        round.exhaustedTotal(),
                        round.eliminated()))
                .toList();
    }

    private static @Nullable Integer winner(Results results) {
        if (results.ranked() != null) {
            OptionalInt winner = results.ranked().runoff().winner();
            return winner.isPresent() ? winner.getAsInt() : null;
        }
        if (results.score() != null) {
            return results.score().score().runoff().flatMap(r -> r.winner()).orElse(null);
        }
        return null;
    }

    private static @Nullable List<Stars> stars(@Nullable ScoreResults score) {
        if (score == null) {
            return null;
        }
        return score.score().options().stream()
                .map(o -> new Stars(o.option(), o.totalStars(), o.averageStars(), o.scoredBy()))
                .toList();
    }
}
