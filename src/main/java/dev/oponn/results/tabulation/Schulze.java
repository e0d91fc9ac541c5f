package dev.oponn.results.tabulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schulze's method with margins over the same ranked ballots as the instant runoff. A ballot prefers every ranked
 * option to every unranked one and expresses no preference between two unranked options. A link from i to j has
 * the strength {@code d[i][j] - d[j][i]} when that is positive; the strongest path is found by Floyd–Warshall.
 * Option i finishes above j when its strongest path to j is stronger than j's to i; equal paths are a tie.
 */
public final class Schulze {

    private Schulze() {}

    public static SchulzeResult tabulate(List<Integer> options, Map<Ranking, Long> ballots) {
        long[][] pairwise = pairwise(new OptionIndex(options), options.size(), ballots);
        long[][] paths = strongestPaths(pairwise);
        return new SchulzeResult(options, pairwise, paths, tiers(options, paths), condorcetWinner(options, pairwise));
    }

    /**
     * Counts only the pairs both ranked ({@code before[x][y]}: x ranked above y) and the ballots that rank each
     * option at all; then a ranked option is above every option except those ranked before it:
     * {@code d[a][b] = ranking(a) - before[b][a]}. That is k²/2 steps per ranking of length k instead of k·n.
     */
    private static long[][] pairwise(OptionIndex index, int n, Map<Ranking, Long> ballots) {
        long[][] before = new long[n][n];
        long[] ranking = new long[n];
        for (var ballot : ballots.entrySet()) {
            long count = ballot.getValue();
            if (count < 0) {
                throw new IllegalArgumentException("a ballot count cannot be negative: " + count);
            }
            int[] ranked = index.positions(ballot.getKey());
            for (int p = 0; p < ranked.length; p++) {
                ranking[ranked[p]] += count;
                long[] row = before[ranked[p]];
                for (int q = p + 1; q < ranked.length; q++) {
                    row[ranked[q]] += count;
                }
            }
        }
        long[][] d = new long[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                d[a][b] = a == b ? 0 : ranking[a] - before[b][a];
            }
        }
        return d;
    }

    private static long[][] strongestPaths(long[][] d) {
        int n = d.length;
        long[][] p = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = i != j && d[i][j] > d[j][i] ? d[i][j] - d[j][i] : 0;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (i == k) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (j != i && j != k) {
                        p[i][j] = Math.max(p[i][j], Math.min(p[i][k], p[k][j]));
                    }
                }
            }
        }
        return p;
    }

    /** Repeatedly takes the options no remaining option beats: Schulze's relation is transitive, so these exist. */
    private static List<List<Integer>> tiers(List<Integer> options, long[][] p) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            remaining.add(i);
        }
        List<List<Integer>> tiers = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<Integer> unbeaten = remaining.stream()
                    .filter(i -> remaining.stream().noneMatch(j -> p[j][i] > p[i][j]))
                    .toList();
            tiers.add(unbeaten.stream().map(options::get).toList());
            remaining.removeAll(unbeaten);
        }
        return tiers;
    }

    private static Optional<Integer> condorcetWinner(List<Integer> options, long[][] d) {
        for (int i = 0; i < options.size(); i++) {
            boolean beatsAll = true;
            for (int j = 0; j < options.size() && beatsAll; j++) {
                beatsAll = i == j || d[i][j] > d[j][i];
            }
            if (beatsAll) {
                return Optional.of(options.get(i));
            }
        }
        return Optional.empty();
    }
}
