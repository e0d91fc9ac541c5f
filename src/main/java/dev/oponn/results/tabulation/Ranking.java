package dev.oponn.results.tabulation;

import java.util.HashSet;
import java.util.List;

/** One ranked ballot's content: option ids, best first, each at most once. Unranked options come after all ranked. */
public record Ranking(List<Integer> options) {

    public Ranking {
        options = List.copyOf(options);
        if (repeats(options)) {
            throw new IllegalArgumentException("a ranking names each option at most once: " + options);
        }
    }

    /** Rankings are short: comparing pairs beats building a set, and a count builds 100,000 of them per render. */
    private static boolean repeats(List<Integer> options) {
        int n = options.size();
        if (n > 32) {
            return new HashSet<>(options).size() != n;
        }
        for (int i = 1; i < n; i++) {
            int option = options.get(i);
            for (int j = 0; j < i; j++) {
                if (options.get(j) == option) {
                    return true;
                }
            }
        }
        return false;
    }

    public static Ranking of(Integer... options) {
        return new Ranking(List.of(options));
    }
}
