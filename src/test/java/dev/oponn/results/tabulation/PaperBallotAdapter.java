package dev.oponn.results.tabulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;

/**
 * Makes a clean ranking of a paper ballot by RCTab's rules, in RCTab's order of checks at each marked rank
 * (its {@code Tabulator}): too many ranks skipped since the last marked one exhausts the ballot there; a
 * candidate marked again exhausts it when {@code exhaustOnDuplicateCandidate}, else the repeat is passed over
 * (it was necessarily eliminated by the time the ballot reached it); an overvote exhausts it
 * ({@code exhaustImmediately}) or is passed over ({@code alwaysSkipToNextRank}, the rank still counting as seen for
 * the skip rule). Ranks beyond {@code maxRankingsAllowed} are ignored. Since none of these checks looks at which
 * candidates are still continuing, the truncation is the same in every round and can be done once, up front.
 */
record PaperBallotAdapter(boolean exhaustOnOvervote, int maxSkippedRanks, int maxRankings, boolean exhaustOnDuplicate) {

    /** Why a clean ranking stops before the paper's last mark; {@code NONE} when it takes every mark. */
    enum Cut {
        NONE,
        OVERVOTE,
        SKIPPED_RANKS,
        REPEATED_CANDIDATE
    }

    record Clean(List<String> ranking, Cut cut) {}

    Clean clean(PaperBallot ballot) {
        List<String> ranking = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int lastRank = 0;
        for (Map.Entry<Integer, SequencedSet<String>> mark : ballot.byRank().entrySet()) {
            int rank = mark.getKey();
            SequencedSet<String> candidates = mark.getValue();
            if (rank > maxRankings) {
                break;
            }
            if (rank - lastRank > maxSkippedRanks + 1L) {
                return new Clean(ranking, Cut.SKIPPED_RANKS);
            }
            lastRank = rank;
            boolean repeated = candidates.stream().anyMatch(seen::contains);
            if (exhaustOnDuplicate && repeated) {
                return new Clean(ranking, Cut.REPEATED_CANDIDATE);
            }
            seen.addAll(candidates);
            if (candidates.size() > 1) {
                if (exhaustOnOvervote) {
                    return new Clean(ranking, Cut.OVERVOTE);
                }
                continue;
            }
            String candidate = candidates.getFirst();
            if (!ranking.contains(candidate)) {
                ranking.add(candidate);
            }
        }
        return new Clean(ranking, Cut.NONE);
    }
}
