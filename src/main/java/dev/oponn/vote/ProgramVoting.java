package dev.oponn.vote;

import dev.oponn.account.AccountId;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.ballot.WhoMayVote;
import dev.oponn.vote.internal.ChoiceRules;
import dev.oponn.vote.internal.VoteChallenge;
import dev.oponn.vote.internal.VoteChoice;
import dev.oponn.vote.internal.VoteForm;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Voting by programs: the vote page's path with a header for the cookie. A device's token comes from
 * {@link #issueDevice} and is sent back as the {@code Oponn-Device} header; the vote is the form's vote
 * ({@link VoteForm}'s rules and messages), the ballot's proof of work, then {@link VoteService#cast}: the same group
 * commit, one vote per device (or per account on a {@code signed_in} ballot), the same refusals.
 */
@Component
public class ProgramVoting {

    /** What became of a vote. */
    public sealed interface Outcome {

        /** Counted and committed. */
        record Counted() implements Outcome {}

        /** Not a vote this ballot takes: {@code errors} by the API's field names. */
        record Invalid(FieldErrors errors) implements Outcome {}

        /** Nobody to count it for: no valid device, or on a {@code signed_in} ballot no signed-in account. */
        record NoVoter(boolean signInNeeded, String message) implements Outcome {}

        /**
         * Refused by the ballot's state or a defence, nothing counted.
         *
         * @param reason the refusal's tag ({@code already_voted}, {@code ended}, {@code challenge}, ...)
         */
        record Refused(String reason, String message) implements Outcome {}
    }

    /** A proof-of-work puzzle, as {@code VoteChallenges} issues it to the vote page. */
    public record Challenge(String token, String salt, String target, Instant expiresAt) {}

    private final BallotCatalog catalog;
    private final VoteService votes;
    private final DeviceTokens devices;
    private final VoteChallenges challenges;
    private final AddressKeys addresses;
    private final VoteMetrics metrics;
    private final VoteProperties properties;
    private final java.time.Clock clock;

    ProgramVoting(
            BallotCatalog catalog,
            VoteService votes,
            DeviceTokens devices,
            VoteChallenges challenges,
            AddressKeys addresses,
            VoteMetrics metrics,
            VoteProperties properties,
            java.time.Clock clock) {
        this.catalog = catalog;
        this.votes = votes;
        this.devices = devices;
        this.challenges = challenges;
        this.addresses = addresses;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new device's token: what the vote page's cookie would carry. */
    public String issueDevice() {
        return devices.issueToken();
    }

    /** Whether a device token is one this server signed. */
    public boolean validDevice(@Nullable String token) {
        return token != null && devices.fromToken(token).isPresent();
    }

    /** A fresh proof-of-work challenge for the ballot, or empty when its owner asked for none. */
    public Optional<Challenge> challenge(Ballot ballot) {
        if (!ballot.defences().challenge()) {
            return Optional.empty();
        }
        VoteChallenge issued = challenges.issue(ballot.id());
        return Optional.of(new Challenge(
                issued.token(), issued.salt(), issued.target(), clock.instant().plus(properties.challengeLifetime())));
    }

    /**
     * The requester's voter key on this ballot: the signed-in account's on a {@code signed_in} ballot, else the
     * device's from its token; empty for neither. Results visibility asks with it.
     */
    public Optional<Voters.VoterKey> voter(Ballot ballot, @Nullable String deviceToken, @Nullable AccountId account) {
        if (ballot.whoMayVote() == WhoMayVote.SIGNED_IN) {
            return Optional.ofNullable(account).map(a -> new Voters.VoterKey(devices.voterKey(ballot.id(), a)));
        }
        return Optional.ofNullable(deviceToken)
                .flatMap(devices::fromToken)
                .map(device -> new Voters.VoterKey(devices.voterKey(ballot.id(), device)));
    }

    /** Both keys the requester could vote under on this ballot, for a live stream that outlives a change of rules. */
    public Voters.Keys keys(BallotId ballot, @Nullable String deviceToken, @Nullable AccountId account) {
        Voters.VoterKey device = Optional.ofNullable(deviceToken)
                .flatMap(devices::fromToken)
                .map(d -> new Voters.VoterKey(devices.voterKey(ballot, d)))
                .orElse(null);
        Voters.VoterKey accountKey = account == null ? null : new Voters.VoterKey(devices.voterKey(ballot, account));
        return new Voters.Keys(device, accountKey);
    }

    public Outcome cast(
            Ballot cached,
            VoteCommand command,
            @Nullable String deviceToken,
            @Nullable AccountId account,
            HttpServletRequest request) {
        Ballot ballot = namesUnknownOption(cached, command)
                ? catalog.refresh(cached.id()).orElse(cached)
                : cached;
        byte[] voter;
        if (ballot.whoMayVote() == WhoMayVote.SIGNED_IN) {
            if (account == null) {
                return new Outcome.NoVoter(true, "This ballot needs sign-in: only signed-in accounts may vote");
            }
            voter = devices.voterKey(ballot.id(), account);
        } else {
            Optional<DeviceId> device = deviceToken == null ? Optional.empty() : devices.fromToken(deviceToken);
            if (device.isEmpty()) {
                votes.refuse(ballot, VoteRejection.NO_DEVICE);
                return new Outcome.NoVoter(
                        false, "Send the Oponn-Device header with a device token from POST /api/v1/devices");
            }
            voter = devices.voterKey(ballot.id(), device.get());
        }
        FieldErrors errors = FieldErrors.none();
        Optional<VoteChoice> choice = choice(ballot, command, errors);
        if (choice.isEmpty()) {
            metrics.invalid();
            return new Outcome.Invalid(renamed(errors));
        }
        Optional<VoteRejection> refused = ballot.defences().challenge()
                ? challenges
                        .redeem(ballot.id(), command.challenge(), command.solution())
                        .flatMap(r -> votes.refuse(ballot, r))
                : Optional.empty();
        if (refused.isEmpty()) {
            refused = votes.cast(ballot, voter, choice.get(), addresses.of(ballot, request));
        }
        return refused.<Outcome>map(
                        r -> new Outcome.Refused(r.reason(), votes.message(r).english()))
                .orElseGet(Outcome.Counted::new);
    }

    /**
     * The command as the typed choice the vote service casts, checked by the rules the vote page's are
     * ({@link VoteForm} for one option or a write-in on a single-choice ballot, {@link ChoiceRules} for the rest): a
     * ranking, scores, or picks of several options. In a ranking or the scores, option id 0 stands for the write-in.
     */
    private static Optional<VoteChoice> choice(Ballot ballot, VoteCommand command, FieldErrors errors) {
        List<Integer> ids = command.optionIds() == null ? List.of() : command.optionIds();
        if (ids.stream().anyMatch(Objects::isNull)
                || (command.ranking() != null && command.ranking().stream().anyMatch(Objects::isNull))) {
            errors.reject(
                    command.ranking() != null ? ChoiceRules.RANKING : ChoiceRules.PICKS,
                    Text.of("vote.option_invalid"));
            return Optional.empty();
        }
        if (command.ranking() != null) {
            return ChoiceRules.check(ballot, new VoteChoice.Ranked(command.ranking(), command.writeIn()), errors);
        }
        if (command.scores() != null) {
            Map<Integer, Integer> stars = new HashMap<>();
            for (Map.Entry<String, Integer> score : command.scores().entrySet()) {
                Integer option = optionId(score.getKey());
                if (option == null || score.getValue() == null) {
                    errors.reject(ChoiceRules.SCORES, Text.of("vote.option_invalid"));
                    return Optional.empty();
                }
                stars.put(option, score.getValue());
            }
            return ChoiceRules.check(ballot, new VoteChoice.Scored(stars, command.writeIn()), errors);
        }
        if (ballot.votingMethod() == VotingMethod.SINGLE && ids.size() <= 1) {
            if (command.writeIn() != null && !ids.isEmpty()) {
                errors.reject(ChoiceRules.PICKS, Text.of("api.option_ids_or_write_in"));
                return Optional.empty();
            }
            VoteForm form = command.writeIn() != null
                    ? new VoteForm(VoteForm.WRITE_IN, command.writeIn())
                    : new VoteForm(ids.isEmpty() ? null : Integer.toString(ids.getFirst()), null);
            return form.validate(ballot, errors);
        }
        SortedSet<Integer> picks = new TreeSet<>(ids);
        if (command.writeIn() != null) {
            picks.add(VoteChoice.WRITE_IN_OPTION);
        }
        return ChoiceRules.check(ballot, new VoteChoice.Picked(picks, command.writeIn()), errors);
    }

    private static @Nullable Integer optionId(String key) {
        try {
            return Integer.parseInt(key.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An option id this instance may not know yet: another instance may have just added it as a write-in. */
    private static boolean namesUnknownOption(Ballot ballot, VoteCommand command) {
        List<Integer> named = new ArrayList<>();
        if (command.optionIds() != null) {
            named.addAll(command.optionIds());
        }
        if (command.ranking() != null) {
            named.addAll(command.ranking());
        }
        if (command.scores() != null) {
            command.scores().keySet().stream().map(ProgramVoting::optionId).forEach(named::add);
        }
        return named.stream()
                .anyMatch(id -> id != null && id > 0 && ballot.option(id).isEmpty());
    }

    /** The form's field names as the API names them. */
    private static String apiField(String formField) {
        return switch (formField) {
            case "option_id" -> "option_ids";
            case "write_in_value" -> "write_in";
            case "score" -> "scores";
            default -> formField;
        };
    }

    private static FieldErrors renamed(FieldErrors form) {
        FieldErrors api = FieldErrors.none();
        form.asMap().forEach((field, message) -> api.reject(apiField(field), message));
        return api;
    }
}
