package dev.oponn.results.tabulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The last-resort order for ties that no count can break: the tied option that comes first here loses (is
 * eliminated, or is not a finalist). Derived from the ballot id so that it is fixed before any vote is cast, the
 * same on every instance and every re-count, and can be shown on the results page.
 */
public record TieBreakOrder(List<Integer> order) {

    public TieBreakOrder {
        order = List.copyOf(order);
    }

    /** Options sorted by SHA-256 of {@code ballotId + ":" + optionId} (hex), the option id breaking equal digests. */
    public static TieBreakOrder fromBallotId(String ballotId, Collection<Integer> options) {
        Map<Integer, String> digests = options.stream()
                .distinct()
                .collect(Collectors.toMap(Function.identity(), option -> sha256Hex(ballotId + ":" + option)));
        return new TieBreakOrder(digests.keySet().stream()
                .sorted(Comparator.comparing((Integer option) -> digests.get(option))
                        .thenComparing(Comparator.naturalOrder()))
                .toList());
    }

    /** The first of {@code tied} in this order; options this order does not know come after those it knows. */
    public int first(Collection<Integer> tied) {
        return tied.stream()
                .min(Comparator.comparingInt((Integer option) -> positionOf(option))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    private int positionOf(int option) {
        int position = order.indexOf(option);
        return position < 0 ? Integer.MAX_VALUE : position;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
