package dev.oponn.results.tabulation;

import java.util.HashSet;
import java.util.List;

/** One ranked ballot's content: option ids, best first, each at most once. Unranked options come after all ranked. */
public record Ranking(List<Integer> options) {

    public Ranking {
        options = List.copyOf(options);
        if (new HashSet<>(options).size() != options.size()) {
            throw new IllegalArgumentException("a ranking names each option at most once: " + options);
        }
    }

    public static Ranking of(Integer... options) {
        return new Ranking(List.of(options));
    }
}
