package dev.oponn.results.tabulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Issue 13's speed case, not a test: 100,000 ranked ballots over 10 options, once as 100,000 distinct rankings (the
 * worst case for storage by content) and once as voters drawn from a few hundred typical rankings, each counted by
 * instant runoff and by Schulze; prints the median over several runs. Run with
 * {@code java -cp target/classes:target/test-classes dev.oponn.results.tabulation.TabulationBenchmark}.
 */
public final class TabulationBenchmark {

    private TabulationBenchmark() {}

    public static void main(String[] args) {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        List<Integer> options = IntStream.range(0, 10).boxed().toList();
        Random random = new Random(13);
        Map<Ranking, Long> distinct = distinctRankings(options, ballots, random);
        Map<Ranking, Long> grouped = groupedRankings(options, ballots, random);
        var rules = InstantRunoff.Rules.of(TieBreakOrder.fromBallotId("benchmark", options));
        for (var load : List.of(Map.entry("distinct", distinct), Map.entry("grouped", grouped))) {
            long voters =
                    load.getValue().values().stream().mapToLong(Long::longValue).sum();
            String what = "%s (%,d ballots, %,d distinct rankings)"
                    .formatted(load.getKey(), voters, load.getValue().size());
            var runoff = InstantRunoff.tabulate(options, load.getValue(), rules);
            report(
                    "instant runoff, " + what + ", " + runoff.rounds().size() + " rounds",
                    runs,
                    () -> InstantRunoff.tabulate(options, load.getValue(), rules));
            report("schulze, " + what, runs, () -> Schulze.tabulate(options, load.getValue()));
        }
    }

    /** Random rankings of random length, until there are {@code count} different ones. */
    private static Map<Ranking, Long> distinctRankings(List<Integer> options, int count, Random random) {
        Map<Ranking, Long> ballots = new HashMap<>();
        while (ballots.size() < count) {
            ballots.put(randomRanking(options, random), 1L);
        }
        return ballots;
    }

    /** {@code count} voters, each picking one of 500 rankings with a skewed popularity, grouped by content. */
    private static Map<Ranking, Long> groupedRankings(List<Integer> options, int count, Random random) {
        List<Ranking> typical = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            typical.add(randomRanking(options, random));
        }
        Map<Ranking, Long> ballots = new HashMap<>();
        for (int voter = 0; voter < count; voter++) {
            double skew = random.nextDouble();
            ballots.merge(typical.get((int) (skew * skew * typical.size())), 1L, Long::sum);
        }
        return ballots;
    }

    private static Ranking randomRanking(List<Integer> options, Random random) {
        List<Integer> shuffled = new ArrayList<>(options);
        Collections.shuffle(shuffled, random);
        return new Ranking(shuffled.subList(0, 1 + random.nextInt(options.size())));
    }

    private static void report(String what, int runs, Supplier<Object> count) {
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            count.get();
        }
        long[] nanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            count.get();
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-90s median %7.2f ms  (min %.2f, max %.2f, %d runs)%n",
                what, nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6, runs);
    }
}
