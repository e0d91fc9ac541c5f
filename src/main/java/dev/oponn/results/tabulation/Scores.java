package dev.oponn.results.tabulation;

import java.util.Map;

/** One score ballot's content: stars (0 to 5) per option; an option the voter left unscored has 0. */
public record Scores(Map<Integer, Integer> stars) {

    public static final int MAX_STARS = 5;

    public Scores {
        stars = Map.copyOf(stars);
        stars.forEach((option, given) -> {
            if (given < 0 || given > MAX_STARS) {
                throw new IllegalArgumentException(
                        "option " + option + " got " + given + " stars; a score is 0 to " + MAX_STARS);
            }
        });
    }

    public int of(int option) {
        return stars.getOrDefault(option, 0);
    }
}
