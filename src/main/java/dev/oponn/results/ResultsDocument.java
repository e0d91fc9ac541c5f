package dev.oponn.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oponn.ballot.Ballot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A tally as programs read it: the public API's results and the data of its live stream's {@code results} events,
 * one shape for both. Percentages are of all votes, to one decimal place, as in the export.
 *
 * @param tallyVersion the total number of votes: it only grows, so a larger one is always a newer tally (the live
 *     stream's event id)
 */
@Schema(name = "Results")
public record ResultsDocument(
        @JsonProperty("ballot_id") String ballotId,
        String status,
        @JsonProperty("voting_method") String votingMethod,
        @JsonProperty("tally_version") long tallyVersion,
        @JsonProperty("total_votes") long totalVotes,
        List<Option> options,
        @JsonProperty("read_at") Instant readAt) {

    @Schema(name = "ResultsOption")
    public record Option(
            int id,
            String label,
            @JsonProperty("write_in") boolean writeIn,
            long votes,
            double percent,
            boolean leader) {}

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
                    ballot.resultsVisibility().hiddenNotice());
        }
    }

    public static ResultsDocument of(Results results, Instant readAt) {
        Ballot ballot = results.ballot();
        return new ResultsDocument(
                ballot.id().value(),
                ballot.status(readAt).label(),
                ballot.votingMethod().name().toLowerCase(Locale.ROOT),
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
                readAt);
    }
}
