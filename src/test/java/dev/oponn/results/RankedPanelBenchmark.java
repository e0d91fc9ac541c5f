package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOption;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.ballot.VoteDefences;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.ballot.WhoMayVote;
import dev.oponn.results.tabulation.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Issue 13's speed case for what a live render of a ranked ballot does after its one read: the stored rankings (as
 * {@code vote.Tallies} returns them) become {@link Ranking}s and {@link RankedResults#of} counts them by instant
 * runoff and Schulze and builds the rounds, pairwise table and sentences. 100,000 distinct rankings over 10
 * options, the worst case for storage by content; prints the median. Not a test. Run with
 * {@code java -cp "target/classes:target/test-classes:$(cat cp.txt)" dev.oponn.results.RankedPanelBenchmark} after
 * {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class RankedPanelBenchmark {

    private RankedPanelBenchmark() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<BallotOption> options = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new BallotOption(i, "option " + i, false))
                .toList();
        Instant now = Instant.now();
        Ballot ballot = new Ballot(
                new BallotId("AAAAAAAAAAAAAAAAAAAAAA"),
                "Benchmark",
                options,
                false,
                VotingMethod.RANKED,
                ResultsVisibility.LIVE,
                now,
                null,
                now,
                VoteDefences.NONE,
                WhoMayVote.ANYONE,
                null);
        Random random = new Random(13);
        Map<List<Integer>, Long> stored = new HashMap<>();
        List<Integer> ids = ballot.optionIds();
        while (stored.size() < count) {
            List<Integer> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            stored.put(List.copyOf(shuffled.subList(0, 1 + random.nextInt(ids.size()))), 1L);
        }
        long[] nanos = new long[runs];
        for (int run = -5; run < runs; run++) {
            long start = System.nanoTime();
            Map<Ranking, Long> rankings = new HashMap<>();
            stored.forEach((ranking, votes) -> rankings.put(new Ranking(ranking), votes));
            RankedResults counted = RankedResults.of(ballot, rankings);
            if (counted.notes().isEmpty()) {
                throw new IllegalStateException("no rounds");
            }
            if (run >= 0) {
                nanos[run] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "ranked panel count, %,d distinct rankings over 10 options: median %.1f ms (min %.1f, max %.1f)%n",
                count, nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6);
    }
}
