package dev.oponn.vote;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A vote as a program sends it (the public API), the marks its ballot's method takes: single choice one id in
 * {@code optionIds} or a {@code writeIn}; multiple choice and approval several ids (and the write-in); ranked a
 * {@code ranking}, best first; score {@code scores}, 0 to 5 stars by option id. In a ranking or the scores, id 0
 * stands for the write-in. Marks of another method are refused with the vote page's words.
 *
 * @param challenge and {@code solution}: the ballot's proof of work, where its owner asked for one
 */
public record VoteCommand(
        @Nullable List<Integer> optionIds,
        @Nullable String writeIn,
        @Nullable List<Integer> ranking,
        @Nullable Map<String, Integer> scores,
        @Nullable String challenge,
        @Nullable String solution) {}
