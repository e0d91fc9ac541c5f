package dev.oponn.vote.internal;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotOption;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Whether a choice of several options may be cast on its ballot, whoever built it: the ballot's method, options
 * it knows, the multiple-choice limit, ranks and stars, the write-in. Messages go under the field at fault
 * ({@value #PICKS}, {@value #RANKING}, {@value #SCORES}, {@code write_in_value}, {@code vote}), so that a form
 * and a non-HTML client report the same words.
 */
public final class ChoiceRules {

    public static final String PICKS = "option_id";
    public static final String RANKING = "ranking";
    public static final String SCORES = "score";
    public static final int MAX_STARS = 5;

    private ChoiceRules() {}

    /** The choice, checked, or empty with {@code errors} filled in. */
    public static Optional<VoteChoice> check(Ballot ballot, VoteChoice choice, FieldErrors errors) {
        VotingMethod method = ballot.votingMethod();
        boolean fits = switch (choice) {
            case VoteChoice.Existing e -> method == VotingMethod.SINGLE;
            case VoteChoice.WriteIn w -> method == VotingMethod.SINGLE;
            case VoteChoice.Picked p -> method.picksSeveral();
            case VoteChoice.Ranked r -> method == VotingMethod.RANKED;
            case VoteChoice.Scored s -> method == VotingMethod.SCORE;
        };
        if (!fits) {
            errors.reject("vote", Text.of("vote.wrong_method", Text.of("method." + method.value()), method.hint()));
            return Optional.empty();
        }
        switch (choice) {
            case VoteChoice.Picked picked -> checkPicks(ballot, picked, errors);
            case VoteChoice.Ranked ranked -> checkRanking(ballot, ranked, errors);
            case VoteChoice.Scored scored -> checkScores(ballot, scored, errors);
            default -> {
                // Single choice is VoteForm's, unchanged since the first version.
            }
        }
        return errors.any() ? Optional.empty() : Optional.of(choice);
    }

    private static void checkPicks(Ballot ballot, VoteChoice.Picked picked, FieldErrors errors) {
        if (picked.options().isEmpty()) {
            errors.reject(PICKS, Text.of("vote.pick_at_least_one"));
            return;
        }
        if (!known(ballot, picked.options(), PICKS, errors)) {
            return;
        }
        Integer most = ballot.maxChoices();
        if (most != null && picked.options().size() > most) {
            errors.reject(PICKS, Text.of("vote.pick_at_most", String.valueOf(most)));
            return;
        }
        // A write-in that reads as an option already picked counts for it once: no reason to refuse it.
        writeIn(ballot, picked.options(), picked.writeIn(), null, errors);
    }

    private static void checkRanking(Ballot ballot, VoteChoice.Ranked ranked, FieldErrors errors) {
        if (ranked.ranking().isEmpty()) {
            errors.reject(RANKING, Text.of("vote.rank_at_least_one"));
            return;
        }
        if (new HashSet<>(ranked.ranking()).size() != ranked.ranking().size()) {
            errors.reject(RANKING, Text.of("vote.rank_once"));
            return;
        }
        if (known(ballot, ranked.ranking(), RANKING, errors)) {
            writeIn(ballot, ranked.ranking(), ranked.writeIn(), "ranked", errors);
        }
    }

    private static void checkScores(Ballot ballot, VoteChoice.Scored scored, FieldErrors errors) {
        if (scored.stars().values().stream().anyMatch(stars -> stars < 0 || stars > MAX_STARS)) {
            errors.reject(SCORES, Text.of("vote.scores_range", String.valueOf(MAX_STARS)));
            return;
        }
        if (scored.stars().values().stream().allMatch(stars -> stars == 0)) {
            errors.reject(SCORES, Text.of("vote.star_at_least_one"));
            return;
        }
        Map<Integer, Integer> given = scored.stars().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (known(ballot, scored.stars().keySet(), SCORES, errors)) {
            writeIn(ballot, given.keySet(), scored.writeIn(), "scored", errors);
        }
    }

    private static boolean known(Ballot ballot, Collection<Integer> options, String field, FieldErrors errors) {
        boolean all = options.stream()
                .allMatch(id ->
                        id == VoteChoice.WRITE_IN_OPTION || ballot.option(id).isPresent());
        if (!all) {
            errors.reject(field, Text.of("vote.option_invalid"));
        }
        return all;
    }

    /**
     * The write-in, when the choice marks one: allowed, readable, and (for ranks and stars, where one option
     * marked twice would mean two different things) not an option the voter also marked.
     *
     * @param marked how the form says it: {@code ranked}, {@code scored}; absent where marking twice is harmless
     */
    private static void writeIn(
            Ballot ballot,
            Collection<Integer> options,
            @Nullable String text,
            @Nullable String marked,
            FieldErrors errors) {
        if (!options.contains(VoteChoice.WRITE_IN_OPTION)) {
            return;
        }
        if (!ballot.allowWriteIn()) {
            errors.reject("option_id", Text.of("vote.write_in_not_allowed"));
            return;
        }
        Text problem = VoteForm.writeInProblem(text == null ? "" : text.strip());
        if (problem != null) {
            errors.reject("write_in_value", problem);
            return;
        }
        Optional<BallotOption> same = ballot.optionMatching(text.strip());
        if (marked != null && same.isPresent() && options.contains(same.get().id())) {
            errors.reject(
                    "write_in_value",
                    Text.of("vote.write_in_already_" + marked, same.get().label()));
        }
    }
}
