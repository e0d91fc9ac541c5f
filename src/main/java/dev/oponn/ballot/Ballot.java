package dev.oponn.ballot;

import dev.oponn.web.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A ballot as voters see it. Immutable: a write-in produces a new {@code Ballot} with one more option.
 *
 * @param endsAt absent for a ballot that stays open until someone closes it
 * @param defences what the owner chose against vote stuffing
 * @param whoMayVote one vote per device, or one per signed-in account
 * @param maxChoices most options one voter may pick on a {@link VotingMethod#MULTIPLE} ballot; absent otherwise
 */
public record Ballot(
        BallotId id,
        String measure,
        List<BallotOption> options,
        boolean allowWriteIn,
        VotingMethod votingMethod,
        ResultsVisibility resultsVisibility,
        Instant startsAt,
        @Nullable Instant endsAt,
        Instant createdAt,
        VoteDefences defences,
        WhoMayVote whoMayVote,
        @Nullable Integer maxChoices) {

    public Ballot {
        options = List.copyOf(options);
    }

    /** The option ids in the ballot's order, write-ins last: what the counting engines take. */
    public List<Integer> optionIds() {
        return options.stream().map(BallotOption::id).toList();
    }

    public BallotStatus status(Instant now) {
        if (now.isBefore(startsAt)) {
            return BallotStatus.PENDING;
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return BallotStatus.ENDED;
        }
        return BallotStatus.ACTIVE;
    }

    /** The line under the heading: {@code starts in 5 minutes}, {@code ends in 3 hours}, {@code voting open}. */
    public Text statusLine(Instant now) {
        return switch (status(now)) {
            case PENDING -> Text.of("status.starts_in", HumanDuration.of(Duration.between(now, startsAt)));
            case ACTIVE ->
                endsAt == null
                        ? Text.of("status.open")
                        : Text.of("status.ends_in", HumanDuration.of(Duration.between(now, endsAt)));
            case ENDED -> Text.of("status.closed");
        };
    }

    public Optional<BallotOption> option(int optionId) {
        return options.stream().filter(o -> o.id() == optionId).findFirst();
    }

    /** The option a write-in means, compared as people read it (trimmed, NFC, case-folded). */
    public Optional<BallotOption> optionMatching(String label) {
        String wanted = OptionLabels.normalize(label);
        return options.stream()
                .filter(o -> OptionLabels.normalize(o.label()).equals(wanted))
                .findFirst();
    }
}
