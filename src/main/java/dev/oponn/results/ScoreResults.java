package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.results.tabulation.ScoreResult;
import dev.oponn.results.tabulation.Scores;
import dev.oponn.results.tabulation.StarVoting;
import dev.oponn.results.tabulation.TieBreakOrder;
import dev.oponn.web.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A score ballot's count as the results page shows it: per option the average and count, then the STAR runoff. */
public record ScoreResults(
        ScoreResult score, List<Line> lines, @Nullable Text runoff, List<String> tieBreakOrder) {

    /** @param scoredBy ballots that gave the option at least one star */
    public record Line(int option, String label, String average, long totalStars, long scoredBy, boolean winner) {}

    static ScoreResults of(Ballot ballot, Map<Scores, Long> ballots) {
        List<Integer> ids = ballot.optionIds();
        TieBreakOrder order = TieBreakOrder.fromBallotId(ballot.id().value(), ids);
        ScoreResult score = StarVoting.tabulate(ids, ballots, order);
        Integer winner = score.runoff().flatMap(ScoreResult.StarRunoff::winner).orElse(null);
        List<Line> lines = score.options().stream()
                .map(o -> new Line(
                        o.option(),
                        RankedResults.label(ballot, o.option()),
                        average(o.averageStars()),
                        o.totalStars(),
                        o.scoredBy(),
                        winner != null && winner == o.option()))
                .toList();
        Text runoff = score.runoff().map(r -> runoffText(ballot, r)).orElse(null);
        return new ScoreResults(
                score,
                lines,
                runoff,
                order.order().stream()
                        .map(id -> RankedResults.label(ballot, id))
                        .toList());
    }

    static String average(double stars) {
        return String.format(Locale.ROOT, "%.2f", stars);
    }

    private static Text runoffText(Ballot ballot, ScoreResult.StarRunoff r) {
        Text outcome = r.winner()
                .map(w -> Text.of("score.runoff_winner", RankedResults.label(ballot, w)))
                .orElse(Text.of("score.runoff_tie"));
        return Text.of(
                r.finalistsByTieBreak() ? "score.runoff_by_tie_break" : "score.runoff",
                RankedResults.label(ballot, r.first()),
                RankedResults.label(ballot, r.second()),
                String.valueOf(r.preferFirst()),
                String.valueOf(r.preferSecond()),
                String.valueOf(r.equal()),
                outcome);
    }

    public @Nullable Line winner() {
        return lines.stream().filter(Line::winner).findFirst().orElse(null);
    }
}
