package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotOption;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.web.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A ballot's tally as shown. {@code total} is the number of ballots cast (for single choice, the votes; for
 * multiple choice and approval, the voters, each of whom may pick several options). {@code version} is that total:
 * ballots are never taken back, so it only grows, and a larger version is always a newer tally.
 *
 * <p>{@code rows} are per option, whatever the method: votes and share of all voters for single and multiple
 * choice and approval (the shares of multiple choice can add up to more than 100%), first preferences for
 * ranked ballots, and ballots that gave it a star for score. {@code ranked} and {@code score} hold the rest of
 * those methods' counts.
 */
public record Results(
        Ballot ballot,
        List<Row> rows,
        long total,
        Text statusLine,
        @Nullable RankedResults ranked,
        @Nullable ScoreResults score) {

    static final int BAR_SEGMENTS = 20;

    public record Row(BallotOption option, long votes, int percent, boolean leader, String bar) {}

    /** Single choice: votes per option. */
    static Results of(Ballot ballot, Map<Integer, Long> counts, Instant now) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Results(ballot, rows(ballot, counts, total, null), total, ballot.statusLine(now), null, null);
    }

    /** Multiple choice and approval: votes per option, and each option's share of the voters. */
    static Results ofPicks(Ballot ballot, Map<Integer, Long> counts, long voters, Instant now) {
        return new Results(ballot, rows(ballot, counts, voters, null), voters, ballot.statusLine(now), null, null);
    }

    static Results ofRanked(Ballot ballot, RankedResults ranked, long ballots, Instant now) {
        Map<Integer, Long> first = ballot.options().stream()
                .collect(java.util.stream.Collectors.toMap(BallotOption::id, o -> ranked.firstPreferences(o.id())));
        int winner = ranked.runoff().winner().orElse(-1);
        return new Results(
                ballot,
                rows(ballot, first, ballots, id -> id == winner),
                ballots,
                ballot.statusLine(now),
                ranked,
                null);
    }

    static Results ofScores(Ballot ballot, ScoreResults score, Instant now) {
        Map<Integer, Long> scoredBy = score.lines().stream()
                .collect(java.util.stream.Collectors.toMap(ScoreResults.Line::option, ScoreResults.Line::scoredBy));
        Map<Integer, Boolean> winners = score.lines().stream()
                .collect(java.util.stream.Collectors.toMap(ScoreResults.Line::option, ScoreResults.Line::winner));
        long ballots = score.score().ballots();
        return new Results(
                ballot, rows(ballot, scoredBy, ballots, winners::get), ballots, ballot.statusLine(now), null, score);
    }

    /** @param leader which options to mark; absent: those with the most votes */
    private static List<Row> rows(
            Ballot ballot, Map<Integer, Long> counts, long total, @Nullable Predicate<Integer> leader) {
        long top = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Function<BallotOption, Row> row = option -> {
            long votes = counts.getOrDefault(option.id(), 0L);
            int percent = total == 0 ? 0 : (int) Math.round(100.0 * votes / total);
            boolean leads = leader == null ? top > 0 && votes == top : leader.test(option.id());
            return new Row(option, votes, percent, leads, bar(votes, total));
        };
        return ballot.options().stream().map(row).toList();
    }

    public long version() {
        return total;
    }

    public VotingMethod method() {
        return ballot.votingMethod();
    }

    /** Blocky segments, text rather than a styled width, so the strict CSP needs no inline style. */
    static String bar(long votes, long total) {
        int filled = total == 0 ? 0 : (int) Math.round((double) BAR_SEGMENTS * votes / total);
        return "█".repeat(filled) + "░".repeat(BAR_SEGMENTS - filled);
    }
}
