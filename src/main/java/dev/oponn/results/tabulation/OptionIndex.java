package dev.oponn.results.tabulation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Option id to its position in the ballot's option list. Ids are small numbers in practice, so a plain array
 * answers; a map stands in for unusual ids. Counting 100,000 rankings makes this lookup the inner loop.
 */
final class OptionIndex {

    private static final int ARRAY_LIMIT = 1 << 16;

    private final int[] byId;
    private final Map<Integer, Integer> byLargeId;

    OptionIndex(List<Integer> options) {
        int largest = options.stream().mapToInt(Integer::intValue).max().orElse(-1);
        boolean small = options.stream().allMatch(id -> id >= 0) && largest < ARRAY_LIMIT;
        this.byId = small ? new int[largest + 1] : new int[0];
        Arrays.fill(byId, -1);
        this.byLargeId = small ? Map.of() : new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            int id = options.get(i);
            boolean repeated = small ? byId[id] >= 0 : byLargeId.containsKey(id);
            if (repeated) {
                throw new IllegalArgumentException("option " + id + " is listed twice");
            }
            if (small) {
                byId[id] = i;
            } else {
                byLargeId.put(id, i);
            }
        }
    }

    /** The positions of a ranking's options, best first. */
    int[] positions(Ranking ranking) {
        List<Integer> ranked = ranking.options();
        int[] positions = new int[ranked.size()];
        for (int r = 0; r < positions.length; r++) {
            positions[r] = positionOf(ranked.get(r));
        }
        return positions;
    }

    int positionOf(int id) {
        int position = id >= 0 && id < byId.length ? byId[id] : byLargeId.getOrDefault(id, -1);
        if (position < 0) {
            throw new IllegalArgumentException("a ranking names option " + id + ", not on the ballot");
        }
        return position;
    }
}
