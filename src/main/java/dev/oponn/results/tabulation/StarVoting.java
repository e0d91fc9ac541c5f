package dev.oponn.results.tabulation;

import dev.oponn.results.tabulation.ScoreResult.OptionScore;
import dev.oponn.results.tabulation.ScoreResult.StarRunoff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Score then automatic runoff (STAR): the two options with the most stars in total go to a runoff, which the one
 * that more voters scored higher wins. Equal totals at the cut are broken by the {@link TieBreakOrder} (the option
 * first in it loses), so the finalists are always fixed.
 */
public final class StarVoting {

    private StarVoting() {}

    public static ScoreResult tabulate(List<Integer> options, Map<Scores, Long> ballots, TieBreakOrder tieBreakOrder) {
        long total = 0;
        long[] stars = new long[options.size()];
        long[] scoredBy = new long[options.size()];
        for (var ballot : ballots.entrySet()) {
            long count = ballot.getValue();
            if (count < 0) {
                throw new IllegalArgumentException("a ballot count cannot be negative: " + count);
            }
            ballot.getKey().stars().keySet().forEach(option -> {
                if (!options.contains(option)) {
                    throw new IllegalArgumentException("a score names option " + option + ", not on the ballot");
                }
            });
            total += count;
            for (int o = 0; o < stars.length; o++) {
                int given = ballot.getKey().of(options.get(o));
                stars[o] += given * count;
                scoredBy[o] += given > 0 ? count : 0;
            }
        }
        List<OptionScore> scores = new ArrayList<>();
        for (int o = 0; o < stars.length; o++) {
            scores.add(
                    new OptionScore(options.get(o), stars[o], total == 0 ? 0 : (double) stars[o] / total, scoredBy[o]));
        }
        Optional<StarRunoff> runoff = options.size() < 2 || total == 0
                ? Optional.empty()
                : Optional.of(runoff(scores, ballots, tieBreakOrder));
        return new ScoreResult(total, scores, runoff);
    }

    private static StarRunoff runoff(List<OptionScore> scores, Map<Scores, Long> ballots, TieBreakOrder order) {
        // Highest total first; among equal totals the option the tie-break order puts first comes last.
        List<Integer> tieBreak = order.order();
        Comparator<OptionScore> ranking = Comparator.comparingLong(OptionScore::totalStars)
                .reversed()
                .thenComparing(s -> -indexIn(tieBreak, s.option()))
                .thenComparing(OptionScore::option);
        List<OptionScore> sorted = scores.stream().sorted(ranking).toList();
        OptionScore first = sorted.get(0);
        OptionScore second = sorted.get(1);
        boolean byTieBreak = sorted.size() > 2 && sorted.get(2).totalStars() == second.totalStars();
        long preferFirst = 0;
        long preferSecond = 0;
        long equal = 0;
        for (var ballot : ballots.entrySet()) {
            int a = ballot.getKey().of(first.option());
            int b = ballot.getKey().of(second.option());
            if (a > b) {
                preferFirst += ballot.getValue();
            } else if (b > a) {
                preferSecond += ballot.getValue();
            } else {
                equal += ballot.getValue();
            }
        }
        Optional<Integer> winner = preferFirst == preferSecond
                ? Optional.empty()
                : Optional.of(preferFirst > preferSecond ? first.option() : second.option());
        return new StarRunoff(first.option(), second.option(), preferFirst, preferSecond, equal, winner, byTieBreak);
    }

    private static int indexIn(List<Integer> order, int option) {
        int index = order.indexOf(option);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
