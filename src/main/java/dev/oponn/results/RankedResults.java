package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotOption;
import dev.oponn.results.tabulation.InstantRunoff;
import dev.oponn.results.tabulation.InstantRunoffResult;
import dev.oponn.results.tabulation.InstantRunoffResult.Round;
import dev.oponn.results.tabulation.MethodComparison;
import dev.oponn.results.tabulation.Ranking;
import dev.oponn.results.tabulation.Schulze;
import dev.oponn.results.tabulation.SchulzeResult;
import dev.oponn.results.tabulation.TieBreakOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A ranked ballot's count as the results page shows it: the instant-runoff rounds as a table (a row per option, a
 * column per round), what each round did in words, the Schulze ranking and its pairwise table, and whether the two
 * agree. Built from the engines' results once per render; the template only reads.
 */
public record RankedResults(
        InstantRunoffResult runoff,
        SchulzeResult schulze,
        MethodComparison comparison,
        List<String> labels,
        List<OptionRow> table,
        List<RoundNote> notes,
        List<PairRow> pairwise,
        List<List<String>> schulzeTiers,
        List<String> tieBreakOrder) {

    /** One option's line of the rounds table: its votes in each round it was continuing, blank after. */
    public record OptionRow(BallotOption option, List<String> votes, int eliminatedInRound, boolean winner) {}

    /** What a round did, in words, and its threshold, continuing and exhausted ballots. */
    public record RoundNote(int number, long continuing, long threshold, long exhausted, String text) {}

    /** Ballots preferring this row's option to each column's option ({@code null} on the diagonal). */
    public record PairRow(BallotOption option, List<@Nullable Pair> cells) {}

    public record Pair(long preferring, boolean wins) {}

    static RankedResults of(Ballot ballot, Map<Ranking, Long> ballots) {
        List<Integer> ids = ballot.optionIds();
        TieBreakOrder order = TieBreakOrder.fromBallotId(ballot.id().value(), ids);
        InstantRunoffResult runoff = InstantRunoff.tabulate(ids, ballots, InstantRunoff.Rules.of(order));
        SchulzeResult schulze = Schulze.tabulate(ids, ballots);
        MethodComparison comparison = MethodComparison.of(runoff, schulze);
        return new RankedResults(
                runoff,
                schulze,
                comparison,
                ids.stream().map(id -> label(ballot, id)).toList(),
                table(ballot, runoff),
                notes(ballot, runoff),
                pairwise(ballot, schulze),
                schulze.ranking().stream()
                        .map(tier -> tier.stream().map(id -> label(ballot, id)).toList())
                        .toList(),
                order.order().stream().map(id -> label(ballot, id)).toList());
    }

    private static List<OptionRow> table(Ballot ballot, InstantRunoffResult runoff) {
        List<OptionRow> rows = new ArrayList<>();
        for (BallotOption option : ballot.options()) {
            List<String> votes = new ArrayList<>();
            int out = 0;
            for (Round round : runoff.rounds()) {
                Long count = round.tally().get(option.id());
                votes.add(count == null ? "" : Long.toString(count));
                if (round.eliminated().contains(option.id())) {
                    out = round.number();
                }
            }
            boolean won = runoff.winner().isPresent() && runoff.winner().getAsInt() == option.id();
            rows.add(new OptionRow(option, votes, out, won));
        }
        return rows;
    }

    private static List<RoundNote> notes(Ballot ballot, InstantRunoffResult runoff) {
        List<RoundNote> notes = new ArrayList<>();
        for (Round round : runoff.rounds()) {
            String text = switch (round.decision()) {
                case ELECTED ->
                    label(ballot, runoff.winner().orElseThrow()) + " has more than half of the continuing"
                            + " ballots and wins";
                case NOTHING_TO_COUNT -> "every ballot is exhausted: no winner";
                default -> eliminated(ballot, round);
            };
            notes.add(
                    new RoundNote(round.number(), round.continuing(), round.threshold(), round.exhaustedTotal(), text));
        }
        return notes;
    }

    private static String eliminated(Ballot ballot, Round round) {
        String why = switch (round.decision()) {
            case FEWEST_VOTES -> "fewest votes";
            case EARLIER_ROUND -> "tied for fewest votes; fewer in an earlier round";
            case TIE_BREAK_ORDER -> "tied for fewest votes in every round; first in the tie-break order";
            default -> round.decision().name().toLowerCase(java.util.Locale.ROOT);
        };
        return round.eliminated().stream()
                .map(out -> label(ballot, out) + " is eliminated (" + why + "); its ballots go to "
                        + transfers(ballot, round.transfers().getOrDefault(out, Map.of())))
                .collect(Collectors.joining("; "));
    }

    private static String transfers(Ballot ballot, Map<Integer, Long> to) {
        if (to.isEmpty()) {
            return "nobody (it had none)";
        }
        return to.entrySet().stream()
                .map(e -> (e.getKey() == InstantRunoffResult.EXHAUSTED ? "exhausted" : label(ballot, e.getKey())) + " "
                        + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static List<PairRow> pairwise(Ballot ballot, SchulzeResult schulze) {
        List<PairRow> rows = new ArrayList<>();
        for (BallotOption row : ballot.options()) {
            List<@Nullable Pair> cells = new ArrayList<>();
            for (BallotOption column : ballot.options()) {
                if (row.id() == column.id()) {
                    cells.add(null);
                } else {
                    long preferring = schulze.preferring(row.id(), column.id());
                    cells.add(new Pair(preferring, preferring > schulze.preferring(column.id(), row.id())));
                }
            }
            rows.add(new PairRow(row, cells));
        }
        return rows;
    }

    static String label(Ballot ballot, int option) {
        return ballot.option(option).map(BallotOption::label).orElse("option " + option);
    }

    public @Nullable String winner() {
        return runoff.winner().isPresent()
                ? labels.get(ids().indexOf(runoff.winner().getAsInt()))
                : null;
    }

    private List<Integer> ids() {
        return schulze.options();
    }

    /** The sentence beside the two winners: agreement, disagreement, or no Condorcet winner. */
    public String verdict() {
        List<String> schulzeWinners = comparison.schulzeWinners().stream()
                .map(id -> labels.get(ids().indexOf(id)))
                .toList();
        String condorcet = comparison
                .condorcetWinner()
                .map(id -> labels.get(ids().indexOf(id)) + " is the Condorcet winner: it beats every other option"
                        + " head to head.")
                .orElse("There is no Condorcet winner: no option beats every other head to head.");
        if (runoff.winner().isEmpty()) {
            return condorcet;
        }
        if (comparison.agree()) {
            return condorcet + " Instant runoff and Schulze agree: " + winner() + ".";
        }
        return condorcet + " Instant runoff and Schulze disagree: instant runoff elects " + winner()
                + ", Schulze ranks first " + String.join(" and ", schulzeWinners)
                + (schulzeWinners.size() > 1 ? " (tied)." : ".");
    }

    public List<Integer> roundNumbers() {
        return runoff.rounds().stream().map(Round::number).toList();
    }

    public long firstPreferences(int option) {
        return runoff.rounds().isEmpty()
                ? 0
                : runoff.rounds().getFirst().tally().getOrDefault(option, 0L);
    }

    /** The option's votes in the last round it was counted in (the final round for those still continuing). */
    public long lastRoundVotes(int option) {
        long last = 0;
        for (Round round : runoff.rounds()) {
            Long count = round.tally().get(option);
            if (count != null) {
                last = count;
            }
        }
        return last;
    }
}
