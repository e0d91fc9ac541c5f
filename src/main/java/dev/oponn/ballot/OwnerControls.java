package dev.oponn.ballot;

import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's controls, with their rules and messages, for whoever offers them: the manage page and the public API.
 * Ownership is the caller's to check. A value that is not valid fills {@code errors} and changes nothing; a
 * control the ballot's state refuses answers the reason, the manage page's words.
 */
@org.springframework.stereotype.Component
public class OwnerControls {

    /** The longest a ballot can be reopened or extended for at once, as on the create form. */
    static final long DURATION_MAX_MINS = Duration.ofDays(366).toMinutes();

    public enum Control {
        CLOSE,
        REOPEN,
        EXTEND,
        START,
        VOTERS,
        VISIBILITY,
        /** The per-address vote cap: a number, or blank (the API: null) for none. */
        CAP,
        /** The proof-of-work challenge: {@code on} or {@code off}. */
        CHALLENGE;

        /** The control's word in the manage page's paths and in the API's. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Control> parse(String word) {
            for (Control control : values()) {
                if (control.word().equals(word)) {
                    return Optional.of(control);
                }
            }
            return Optional.empty();
        }
    }

    private final BallotService ballots;
    private final BallotVisibility visibility;

    OwnerControls(BallotService ballots, BallotVisibility visibility) {
        this.ballots = ballots;
        this.visibility = visibility;
    }

    /**
     * @param form the control's fields by the manage page's names ({@code duration_mins}, {@code who_may_vote},
     *     {@code results_visibility}, {@code per_address_cap}, {@code vote_challenge})
     * @return why the ballot's state refused it (nothing changed), or empty when done or when {@code errors} says why not
     */
    public Optional<Text> apply(Ballot ballot, Control control, Map<String, String> form, FieldErrors errors) {
        BallotId id = ballot.id();
        return switch (control) {
            case CLOSE -> ballots.close(id);
            case START -> ballots.start(id);
            case REOPEN -> minutes(form, 0, errors).flatMap(m -> ballots.reopen(id, m));
            case EXTEND -> minutes(form, 1, errors).flatMap(m -> ballots.extend(id, m));
            case VOTERS -> whoMayVote(form, errors).flatMap(who -> ballots.allowVoters(id, who));
            case CAP -> cap(form, errors).flatMap(cap -> ballots.setPerAddressCap(id, cap.orElse(null)));
            case CHALLENGE -> challenge(form, errors).flatMap(on -> ballots.setVoteChallenge(id, on));
            case VISIBILITY -> {
                resultsVisibility(form, errors)
                        .filter(chosen -> chosen != ballot.resultsVisibility())
                        .ifPresent(chosen -> visibility.change(ballot, chosen));
                yield Optional.empty();
            }
        };
    }

    /**
     * The duration field: whole minutes from {@code min} to a year. Reading it is the only use of the field:
     * {@link Optional#empty()} means refused (the reason is in {@code errors}).
     */
    private static Optional<Long> minutes(Map<String, String> form, long min, FieldErrors errors) {
        String raw = form.getOrDefault("duration_mins", "").strip();
        try {
            long minutes = Long.parseLong(raw);
            if (minutes >= min && minutes <= DURATION_MAX_MINS) {
                return Optional.of(minutes);
            }
        } catch (NumberFormatException e) {
            // Reported below, as for an out-of-range number.
        }
        errors.reject(
                "duration_mins",
                Text.of(
                        min == 0 ? "manage.duration_invalid_no_end" : "manage.duration_invalid",
                        String.valueOf(min),
                        String.valueOf(DURATION_MAX_MINS)));
        return Optional.empty();
    }

    private static Optional<WhoMayVote> whoMayVote(Map<String, String> form, FieldErrors errors) {
        Optional<WhoMayVote> who =
                WhoMayVote.parse(form.getOrDefault("who_may_vote", "").strip());
        if (who.isEmpty()) {
            errors.reject("who_may_vote", Text.of("ballot.who_may_vote_invalid"));
        }
        return who;
    }

    /**
     * The cap field, by the create form's rule. It must be there: blank turns the cap off, so a request that
     * forgot the field must not. Empty means refused; inside, empty means no cap.
     */
    private static Optional<Optional<Integer>> cap(Map<String, String> form, FieldErrors errors) {
        String typed = form.get(VoteDefences.CAP_FIELD);
        if (typed == null) {
            VoteDefences.refuseCap(errors);
            return Optional.empty();
        }
        Optional<Integer> cap = VoteDefences.parseCap(typed, errors);
        return errors.has(VoteDefences.CAP_FIELD) ? Optional.empty() : Optional.of(cap);
    }

    private static Optional<Boolean> challenge(Map<String, String> form, FieldErrors errors) {
        return switch (form.getOrDefault("vote_challenge", "").strip()) {
            case "on" -> Optional.of(true);
            case "off" -> Optional.of(false);
            default -> {
                errors.reject("vote_challenge", Text.of("manage.challenge_invalid"));
                yield Optional.empty();
            }
        };
    }

    /** A value that is not one of the choices changes nothing and says why. */
    private static Optional<ResultsVisibility> resultsVisibility(Map<String, String> form, FieldErrors errors) {
        Optional<ResultsVisibility> chosen = ResultsVisibility.parse(
                form.getOrDefault("results_visibility", "").strip());
        if (chosen.isEmpty()) {
            errors.reject("results_visibility", Text.of("manage.visibility_invalid"));
        }
        return chosen;
    }
}
