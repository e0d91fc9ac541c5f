package dev.oponn.vote;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A vote as a program sends it (the public API). A single-choice ballot takes one id in {@code optionIds} or a
 * {@code writeIn}; {@code ranking} and {@code scores} are the marks of the ranked and scored methods, refused on a
 * ballot whose method takes none.
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
