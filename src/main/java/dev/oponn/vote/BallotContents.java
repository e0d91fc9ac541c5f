package dev.oponn.vote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a ranked or score ballot's content is written in {@code tally_content}, and read back. One canonical text per
 * content, so that equal ballots share one count: a ranking is its option ids best first ({@code 3,1,2}); a score
 * vector is {@code option:stars} for each option given at least one star, in option order ({@code 1:5,3:2}), so
 * that an option appended later (a write-in) reads as unscored on the ballots cast before it.
 */
final class BallotContents {

    private BallotContents() {}

    static String ranking(List<Integer> ranking) {
        return ranking.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String scores(Map<Integer, Integer> stars) {
        return new TreeMap<>(stars)
                .entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(","));
    }

    /** Several options as a PostgreSQL integer array literal, ascending: the order their counters are locked in. */
    static String optionArray(Collection<Integer> options) {
        return options.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    static List<Integer> readRanking(String content) {
        List<Integer> ranking = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length(); i++) {
            if (i == content.length() || content.charAt(i) == ',') {
                ranking.add(Integer.parseInt(content, start, i, 10));
                start = i + 1;
            }
        }
        return ranking;
    }

    static Map<Integer, Integer> readScores(String content) {
        Map<Integer, Integer> stars = new TreeMap<>();
        for (String pair : content.split(",")) {
            int colon = pair.indexOf(':');
            stars.put(Integer.parseInt(pair, 0, colon, 10), Integer.parseInt(pair, colon + 1, pair.length(), 10));
        }
        return stars;
    }
}
