package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the vote form of the methods that mark several options into their {@link VoteChoice}: checkboxes
 * {@code option_id} (multiple choice, approval), selects {@code rank_{optionId}} with a blank for unranked or a
 * {@code ranking} of comma-separated ids best first (ranked), selects {@code score_{optionId}} from 0 to 5 (score).
 * The write-in's fields are {@code rank_write_in}, {@code score_write_in} or the {@value VoteForm#WRITE_IN}
 * checkbox, with its text in {@code write_in_value}. What a form cannot say twice (a rank given to two options, a
 * gap in the ranks) is refused here; the rest is {@link ChoiceRules}'.
 */
public final class MarkedForm {

    public static final String RANK = "rank_";
    public static final String SCORE = "score_";
    public static final String WRITE_IN_SUFFIX = "write_in";

    private MarkedForm() {}

    /** The form as posted, for a ballot that is not single choice: only its own method's fields are kept. */
    public static VoteForm fromRequest(Map<String, String[]> parameters, VotingMethod method) {
        String prefix = method == VotingMethod.RANKED ? RANK : SCORE;
        Map<String, String> marks = new HashMap<>();
        if (method.storesContent()) {
            parameters.forEach((name, values) -> {
                if (name.startsWith(prefix) && values.length > 0) {
                    marks.put(name, values[0]);
                }
            });
        }
        String[] picked = method.picksSeveral() ? parameters.get("option_id") : null;
        return new VoteForm(
                null,
                first(parameters.get("write_in_value")),
                picked == null ? List.of() : Arrays.asList(picked),
                marks,
                method == VotingMethod.RANKED ? first(parameters.get("ranking")) : null);
    }

    private static @Nullable String first(String @Nullable [] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    static Optional<VoteChoice> choice(VoteForm form, Ballot ballot, FieldErrors errors) {
        return switch (ballot.votingMethod()) {
            case MULTIPLE, APPROVAL -> picks(form, errors);
            case RANKED ->
                form.ranking() != null && !form.ranking().isBlank()
                        ? ranking(form, errors)
                        : ranks(form, ballot, errors);
            case SCORE -> scores(form, errors);
            case SINGLE -> throw new IllegalArgumentException("single choice is VoteForm's own");
        };
    }

    private static Optional<VoteChoice> picks(VoteForm form, FieldErrors errors) {
        SortedSet<Integer> options = new TreeSet<>();
        for (String value : form.picked()) {
            Integer id = option(value);
            if (id == null) {
                errors.reject(ChoiceRules.PICKS, Text.of("vote.option_invalid"));
                return Optional.empty();
            }
            options.add(id);
        }
        return Optional.of(new VoteChoice.Picked(options, writeIn(form, options.contains(VoteChoice.WRITE_IN_OPTION))));
    }

    private static Optional<VoteChoice> ranking(VoteForm form, FieldErrors errors) {
        List<Integer> ranking = new ArrayList<>();
        for (String value : form.ranking().split(",", -1)) {
            Integer id = option(value);
            if (id == null) {
                errors.reject(ChoiceRules.RANKING, Text.of("vote.option_invalid"));
                return Optional.empty();
            }
            ranking.add(id);
        }
        return Optional.of(new VoteChoice.Ranked(ranking, writeIn(form, ranking.contains(VoteChoice.WRITE_IN_OPTION))));
    }

    /** The selects: rank 1 to the number of rankable options, each used once, from 1 without gaps. */
    private static Optional<VoteChoice> ranks(VoteForm form, Ballot ballot, FieldErrors errors) {
        int rankable = ballot.options().size() + (ballot.allowWriteIn() ? 1 : 0);
        TreeMap<Integer, Integer> byRank = new TreeMap<>();
        for (var field : new TreeMap<>(form.marks()).entrySet()) {
            String value = field.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            Integer id = option(field.getKey().substring(RANK.length()));
            if (id == null) {
                errors.reject(ChoiceRules.RANKING, Text.of("vote.option_invalid"));
                return Optional.empty();
            }
            Integer rank = number(value);
            if (rank == null || rank < 1 || rank > rankable) {
                errors.reject(ChoiceRules.RANKING, Text.of("vote.ranks_range", String.valueOf(rankable)));
                return Optional.empty();
            }
            if (byRank.putIfAbsent(rank, id) != null) {
                errors.reject(ChoiceRules.RANKING, Text.of("vote.rank_twice", String.valueOf(rank)));
                return Optional.empty();
            }
        }
        int expected = 1;
        for (int rank : byRank.keySet()) {
            if (rank != expected) {
                errors.reject(ChoiceRules.RANKING, Text.of("vote.rank_missing", String.valueOf(expected)));
                return Optional.empty();
            }
            expected++;
        }
        List<Integer> ranking = List.copyOf(byRank.values());
        return Optional.of(new VoteChoice.Ranked(ranking, writeIn(form, ranking.contains(VoteChoice.WRITE_IN_OPTION))));
    }

    private static Optional<VoteChoice> scores(VoteForm form, FieldErrors errors) {
        Map<Integer, Integer> stars = new HashMap<>();
        for (var field : form.marks().entrySet()) {
            String value = field.getValue().strip();
            Integer id = option(field.getKey().substring(SCORE.length()));
            if (id == null) {
                errors.reject(ChoiceRules.SCORES, Text.of("vote.option_invalid"));
                return Optional.empty();
            }
            Integer given = value.isEmpty() ? Integer.valueOf(0) : number(value);
            if (given == null) {
                errors.reject(ChoiceRules.SCORES, Text.of("vote.scores_range", String.valueOf(ChoiceRules.MAX_STARS)));
                return Optional.empty();
            }
            if (given != 0 || id != VoteChoice.WRITE_IN_OPTION) {
                stars.put(id, given);
            }
        }
        return Optional.of(new VoteChoice.Scored(stars, writeIn(form, stars.containsKey(VoteChoice.WRITE_IN_OPTION))));
    }

    /** The write-in's text, only when the write-in is marked: text typed but not marked is not a vote for it. */
    private static @Nullable String writeIn(VoteForm form, boolean marked) {
        return marked ? form.writeInText() : null;
    }

    /** An option's number, {@link VoteChoice#WRITE_IN_OPTION} for the write-in, or null for anything else. */
    private static @Nullable Integer option(String value) {
        String v = value.strip();
        if (v.equals(VoteForm.WRITE_IN) || v.equals(WRITE_IN_SUFFIX)) {
            return VoteChoice.WRITE_IN_OPTION;
        }
        Integer id = number(v);
        return id == null || id < 1 ? null : id;
    }

    private static @Nullable Integer number(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean namesUnknownOption(VoteForm form, Ballot ballot) {
        List<String> named = new ArrayList<>(form.picked());
        form.marks().keySet().forEach(field -> named.add(field.substring(field.indexOf('_') + 1)));
        if (form.ranking() != null) {
            named.addAll(Arrays.asList(form.ranking().split(",")));
        }
        return named.stream().anyMatch(value -> VoteForm.unknown(value, ballot));
    }
}
