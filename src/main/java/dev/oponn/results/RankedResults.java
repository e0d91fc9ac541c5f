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
import dev.oponn.web.Localizer;
import dev.oponn.web.Text;
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

    /**
     * What a round did, and its threshold, continuing and exhausted ballots. {@code parts} are its sentences, joined
     * by {@code ; } when several options go out together; an elimination's sentence is followed by its transfers.
     */
    public record RoundNote(int number, long continuing, long threshold, long exhausted, List<NotePart> parts) {}

    /** One sentence of a round's note and, for an elimination, where its ballots went ({@code label 3}). */
    public record NotePart(Text sentence, List<Text> transfers) {}

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
            List<NotePart> parts = switch (round.decision()) {
                case ELECTED ->
                    List.of(new NotePart(
                            Text.of(
                                    "ranked.note.elected",
                                    label(ballot, runoff.winner().orElseThrow())),
                            List.of()));
                case NOTHING_TO_COUNT -> List.of(new NotePart(Text.of("ranked.note.nothing_to_count"), List.of()));
                default -> eliminated(ballot, round);
            };
            notes.add(new RoundNote(
                    round.number(), round.continuing(), round.threshold(), round.exhaustedTotal(), parts));
        }
        return notes;
    }

    private static List<NotePart> eliminated(Ballot ballot, Round round) {
        Text why = Text.of("ranked.why." + round.decision().name().toLowerCase(java.util.Locale.ROOT));
        return round.eliminated().stream()
                .map(out -> new NotePart(
                        Text.of("ranked.note.eliminated", label(ballot, out), why),
                        transfers(ballot, round.transfers().getOrDefault(out, Map.of()))))
                .toList();
    }

    private static List<Text> transfers(Ballot ballot, Map<Integer, Long> to) {
        if (to.isEmpty()) {
            return List.of(Text.of("ranked.transfers.none"));
        }
        return to.entrySet().stream()
                .map(e -> e.getKey() == InstantRunoffResult.EXHAUSTED
                        ? Text.of("ranked.transfer.exhausted", String.valueOf(e.getValue()))
                        : Text.of("ranked.transfer", label(ballot, e.getKey()), String.valueOf(e.getValue())))
                .toList();
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
        return ballot.option(option).map(BallotOption::label).orElse("#" + option);
    }

    public @Nullable String winner() {
        return runoff.winner().isPresent()
                ? labels.get(ids().indexOf(runoff.winner().getAsInt()))
                : null;
    }

    private List<Integer> ids() {
        return schulze.options();
    }

    /**
     * The sentences beside the two winners: whether there is a Condorcet winner, then agreement or disagreement.
     * Schulze's first places, when several, are joined with the language's "and" by the template.
     */
    public List<Text> verdict() {
        Text condorcet = comparison
                .condorcetWinner()
                .map(id -> Text.of("ranked.verdict.condorcet", labels.get(ids().indexOf(id))))
                .orElse(Text.of("ranked.verdict.no_condorcet"));
        if (runoff.winner().isEmpty()) {
            return List.of(condorcet);
        }
        if (comparison.agree()) {
            return List.of(condorcet, Text.of("ranked.verdict.agree", winner()));
        }
        List<String> schulzeWinners = comparison.schulzeWinners().stream()
                .map(id -> labels.get(ids().indexOf(id)))
                .toList();
        String last = schulzeWinners.getLast();
        String firsts = String.join(", ", schulzeWinners.subList(0, schulzeWinners.size() - 1));
        return List.of(
                condorcet,
                schulzeWinners.size() > 1
                        ? Text.of("ranked.verdict.disagree_tied", winner(), firsts, last)
                        : Text.of("ranked.verdict.disagree", winner(), last));
    }

    /** {@link #verdict()} in the reader's words. */
    public String verdictIn(Localizer t) {
        return verdict().stream().map(t::t).collect(Collectors.joining(" "));
    }

    /** A round's note in the reader's words: its sentences, each elimination followed by where its ballots went. */
    public static String noteIn(RoundNote note, Localizer t) {
        return note.parts().stream()
                .map(part -> part.transfers().isEmpty()
                        ? t.t(part.sentence())
                        : t.t(part.sentence()) + " "
                                + part.transfers().stream().map(t::t).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
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
