package dev.oponn.results;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotStatus;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.results.tabulation.InstantRunoffResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A tally as a file: CSV (RFC 4180, written by FastCSV) or the JSON record below. A CSV cell that a spreadsheet
 * would read as a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe,
 * so a write-in such as {@code =HYPERLINK(...)} stays text.
 *
 * <p>Per method: {@code options} is always one entry per option ({@code votes} and {@code percent}: of all votes for
 * single choice; picks and share of voters for multiple choice and approval; first preferences and their share of
 * ballots for ranked; ballots that gave a star for score). {@code totalVotes} is the number of ballots cast. The
 * JSON adds every instant-runoff round and the Schulze count ({@code ranked}) or the averages and the STAR runoff
 * ({@code score}); the CSV has per-option columns of its method instead.
 */
public record ResultsExport(
        String id,
        String question,
        String votingMethod,
        @Nullable Integer maxChoices,
        String status,
        Instant startsAt,
        @Nullable Instant endsAt,
        long totalVotes,
        long tallyVersion,
        Instant readAt,
        List<Option> options,
        @Nullable Ranked ranked,
        @Nullable Score score) {

    record Option(String label, long votes, double percent) {}

    /** The instant runoff round by round, its winner, and the Schulze ranking (tiers of tied options). */
    record Ranked(
            @Nullable String winner,
            List<Round> rounds,
            List<List<String>> schulzeRanking,
            @Nullable String condorcetWinner,
            List<Pairwise> pairwise,
            List<String> tieBreakOrder,
            List<FinalFigures> finalFigures) {}

    record Round(
            int round,
            List<Count> tally,
            long continuing,
            long threshold,
            long exhausted,
            List<String> eliminated,
            List<Transfer> transfers) {}

    record Count(String option, long votes) {}

    /** {@code to} is an option, or {@code null} for ballots exhausted. */
    record Transfer(String from, @Nullable String to, long ballots) {}

    /** Ballots ranking {@code over} above {@code under}. */
    record Pairwise(String over, String under, long ballots) {}

    /** @param eliminatedInRound 0 for an option never eliminated */
    record FinalFigures(String option, long firstPreferences, long lastRoundVotes, int eliminatedInRound) {}

    record Score(
            long ballots, List<Stars> options, @Nullable Runoff runoff, List<String> tieBreakOrder) {}

    record Stars(String option, double averageStars, long totalStars, long scoredBy) {}

    record Runoff(
            String first,
            String second,
            long preferFirst,
            long preferSecond,
            long equal,
            @Nullable String winner) {}

    public static ResultsExport of(Results results, Instant readAt) {
        Ballot ballot = results.ballot();
        long total = results.total();
        return new ResultsExport(
                ballot.id().value(),
                ballot.measure(),
                ballot.votingMethod().value(),
                ballot.maxChoices(),
                status(ballot.status(readAt)),
                ballot.startsAt(),
                ballot.endsAt(),
                total,
                results.version(),
                readAt,
                results.rows().stream()
                        .map(row -> new Option(row.option().label(), row.votes(), share(row.votes(), total)))
                        .toList(),
                results.ranked() == null ? null : ranked(ballot, results.ranked()),
                results.score() == null ? null : score(ballot, results.score()));
    }

    private static Ranked ranked(Ballot ballot, RankedResults ranked) {
        List<Round> rounds = ranked.runoff().rounds().stream()
                .map(round -> new Round(
                        round.number(),
                        round.tally().entrySet().stream()
                                .map(e -> new Count(label(ballot, e.getKey()), e.getValue()))
                                .toList(),
                        round.continuing(),
                        round.threshold(),
                        round.exhaustedTotal(),
                        round.eliminated().stream().map(id -> label(ballot, id)).toList(),
                        round.transfers().entrySet().stream()
                                .flatMap(from -> from.getValue().entrySet().stream()
                                        .map(to -> new Transfer(
                                                label(ballot, from.getKey()),
                                                to.getKey() == InstantRunoffResult.EXHAUSTED
                                                        ? null
                                                        : label(ballot, to.getKey()),
                                                to.getValue())))
                                .toList()))
                .toList();
        List<Pairwise> pairwise = new ArrayList<>();
        for (int over : ballot.optionIds()) {
            for (int under : ballot.optionIds()) {
                if (over != under) {
                    pairwise.add(new Pairwise(
                            label(ballot, over),
                            label(ballot, under),
                            ranked.schulze().preferring(over, under)));
                }
            }
        }
        return new Ranked(
                ranked.winner(),
                rounds,
                ranked.schulzeTiers(),
                ranked.comparison()
                        .condorcetWinner()
                        .map(id -> label(ballot, id))
                        .orElse(null),
                pairwise,
                ranked.tieBreakOrder(),
                ranked.table().stream()
                        .map(row -> new FinalFigures(
                                row.option().label(),
                                ranked.firstPreferences(row.option().id()),
                                ranked.lastRoundVotes(row.option().id()),
                                row.eliminatedInRound()))
                        .toList());
    }

    private static Score score(Ballot ballot, ScoreResults score) {
        return new Score(
                score.score().ballots(),
                score.score().options().stream()
                        .map(o -> new Stars(
                                label(ballot, o.option()),
                                Math.round(o.averageStars() * 100) / 100.0,
                                o.totalStars(),
                                o.scoredBy()))
                        .toList(),
                score.score()
                        .runoff()
                        .map(r -> new Runoff(
                                label(ballot, r.first()),
                                label(ballot, r.second()),
                                r.preferFirst(),
                                r.preferSecond(),
                                r.equal(),
                                r.winner().map(w -> label(ballot, w)).orElse(null)))
                        .orElse(null),
                score.tieBreakOrder());
    }

    private static String label(Ballot ballot, int option) {
        return RankedResults.label(ballot, option);
    }

    private static String status(BallotStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Percent of all votes, to one decimal place. */
    static double share(long votes, long total) {
        return total == 0 ? 0 : Math.round(1000.0 * votes / total) / 10.0;
    }

    /**
     * A header row, one row per option, then the ballot's own fields as rows of the same width, each named in its
     * first cell with a leading {@code #} ({@code #question}, {@code #status}, {@code #starts_at}, {@code #ends_at},
     * and per method {@code #voting_method}, {@code #voters}, {@code #winner}, {@code #condorcet_winner}): every
     * record has the same fields, as RFC 4180 asks, and a program that wants only the options stops at the first
     * {@code #} row. Single choice: {@code option,votes,percent}, exactly as before the other methods. Multiple
     * choice and approval: {@code option,votes,percent_of_voters}. Ranked: {@code option,first_preferences,
     * last_round_votes,eliminated_in_round} (the votes of the last round it was counted in; blank: never eliminated). Score: {@code option,average_stars,
     * total_stars,scored_by}.
     */
    public String csv() {
        List<List<String>> table = new ArrayList<>();
        List<List<String>> meta = new ArrayList<>();
        VotingMethod method = VotingMethod.parse(votingMethod).orElse(VotingMethod.SINGLE);
        switch (method) {
            case SINGLE -> {
                table.add(List.of("option", "votes", "percent"));
                options.forEach(o -> table.add(List.of(o.label(), Long.toString(o.votes()), percent(o.percent()))));
            }
            case MULTIPLE, APPROVAL -> {
                table.add(List.of("option", "votes", "percent_of_voters"));
                options.forEach(o -> table.add(List.of(o.label(), Long.toString(o.votes()), percent(o.percent()))));
                meta.add(List.of("#voters", Long.toString(totalVotes)));
            }
            case RANKED -> {
                table.add(List.of("option", "first_preferences", "last_round_votes", "eliminated_in_round"));
                for (FinalFigures f : ranked == null ? List.<FinalFigures>of() : ranked.finalFigures()) {
                    table.add(List.of(
                            f.option(),
                            Long.toString(f.firstPreferences()),
                            Long.toString(f.lastRoundVotes()),
                            f.eliminatedInRound() == 0 ? "" : Integer.toString(f.eliminatedInRound())));
                }
                meta.add(List.of("#ballots", Long.toString(totalVotes)));
                meta.add(List.of("#winner", ranked == null || ranked.winner() == null ? "" : ranked.winner()));
                meta.add(List.of(
                        "#condorcet_winner",
                        ranked == null || ranked.condorcetWinner() == null ? "" : ranked.condorcetWinner()));
            }
            case SCORE -> {
                table.add(List.of("option", "average_stars", "total_stars", "scored_by"));
                for (Stars s : score == null ? List.<Stars>of() : score.options()) {
                    table.add(List.of(
                            s.option(),
                            String.format(Locale.ROOT, "%.2f", s.averageStars()),
                            Long.toString(s.totalStars()),
                            Long.toString(s.scoredBy())));
                }
                meta.add(List.of("#ballots", Long.toString(totalVotes)));
                meta.add(List.of(
                        "#winner",
                        score == null
                                        || score.runoff() == null
                                        || score.runoff().winner() == null
                                ? ""
                                : score.runoff().winner()));
            }
        }
        if (method != VotingMethod.SINGLE) {
            meta.addFirst(List.of("#voting_method", votingMethod));
        }
        meta.add(List.of("#question", question));
        meta.add(List.of("#status", status));
        meta.add(List.of("#starts_at", startsAt.toString()));
        meta.add(List.of("#ends_at", endsAt == null ? "" : endsAt.toString()));
        int width = table.getFirst().size();
        StringWriter out = new StringWriter();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(table.getFirst());
            for (List<String> row : table.subList(1, table.size())) {
                csv.writeRecord(neutralised(row, 1));
            }
            for (List<String> row : meta) {
                List<String> padded = new ArrayList<>(neutralised(row, 2));
                while (padded.size() < width) {
                    padded.add("");
                }
                csv.writeRecord(padded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The first {@code cells} cells neutralised (labels and people's text); numbers and names left as they are. */
    private static List<String> neutralised(List<String> row, int cells) {
        List<String> out = new ArrayList<>(row);
        for (int i = 0; i < Math.min(cells, out.size()); i++) {
            out.set(i, neutralised(out.get(i)));
        }
        return out;
    }

    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f", percent);
    }

    /** OWASP's advice for CSV injection: a leading apostrophe makes the cell text in every spreadsheet. */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
