package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotOption;
import dev.oponn.web.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ballot's tally as shown. {@code version} is the total number of votes: votes are never taken back, so it only
 * grows, and a larger version is always a newer tally.
 */
public record Results(Ballot ballot, List<Row> rows, long total, Text statusLine) {

    static final int BAR_SEGMENTS = 20;

    public record Row(BallotOption option, long votes, int percent, boolean leader, String bar) {}

    static Results of(Ballot ballot, Map<Integer, Long> counts, Instant now) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long top = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Row> rows = ballot.options().stream()
                .map(option -> {
                    long votes = counts.getOrDefault(option.id(), 0L);
                    int percent = total == 0 ? 0 : (int) Math.round(100.0 * votes / total);
                    return new Row(option, votes, percent, top > 0 && votes == top, bar(votes, total));
                })
                .toList();
        return new Results(ballot, rows, total, ballot.statusLine(now));
    }

    public long version() {
        return total;
    }

    /** Blocky segments, text rather than a styled width, so the strict CSP needs no inline style. */
    static String bar(long votes, long total) {
        int filled = total == 0 ? 0 : (int) Math.round((double) BAR_SEGMENTS * votes / total);
        return "█".repeat(filled) + "░".repeat(BAR_SEGMENTS - filled);
    }
}
