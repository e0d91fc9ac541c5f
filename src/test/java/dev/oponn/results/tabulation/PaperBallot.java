package dev.oponn.results.tabulation;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SequencedSet;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One cast vote record as the paper showed it: the candidates marked at each rank. A rank may hold several
 * (an overvote), a rank may be left out (a skip), a candidate may appear at several ranks. Oponn's form produces
 * none of these; {@link PaperBallotAdapter} turns this into the clean ranking the case's rules make of it.
 */
record PaperBallot(String id, SortedMap<Integer, SequencedSet<String>> marks) {

    static final class Builder {
        private final String id;
        private final TreeMap<Integer, SequencedSet<String>> marks = new TreeMap<>();

        Builder(String id) {
            this.id = id;
        }

        Builder mark(int rank, String candidate) {
            marks.computeIfAbsent(rank, r -> new LinkedHashSet<>()).add(candidate);
            return this;
        }

        PaperBallot build() {
            return new PaperBallot(id, marks);
        }
    }

    boolean isBlank() {
        return marks.isEmpty();
    }

    Map<Integer, SequencedSet<String>> byRank() {
        return marks;
    }
}
