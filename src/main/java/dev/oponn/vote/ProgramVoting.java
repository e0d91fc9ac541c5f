package dev.oponn.vote;

import dev.oponn.account.AccountId;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.WhoMayVote;
import dev.oponn.vote.internal.VoteChallenge;
import dev.oponn.vote.internal.VoteChoice;
import dev.oponn.vote.internal.VoteForm;
import dev.oponn.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    public Outcome cast(
            Ballot cached,
            VoteCommand command,
            @Nullable String deviceToken,
            @Nullable AccountId account,
            HttpServletRequest request) {
        FieldErrors shape = FieldErrors.none();
        VoteForm form = form(command, shape);
        Ballot ballot =
                form.namesUnknownOption(cached) ? catalog.refresh(cached.id()).orElse(cached) : cached;
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
        if (shape.any()) {
            metrics.invalid();
            return new Outcome.Invalid(shape);
        }
        FieldErrors errors = FieldErrors.none();
        Optional<VoteChoice> choice = form.validate(ballot, errors);
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
        return refused.<Outcome>map(r -> new Outcome.Refused(r.reason(), votes.message(r)))
                .orElseGet(Outcome.Counted::new);
    }

    /**
     * The command as the vote form: one option id, or a write-in. What a single-choice ballot cannot take (several
     * ids, both an id and a write-in, a ranking, scores) is refused in {@code errors} by the API's field names.
     */
    private static VoteForm form(VoteCommand command, FieldErrors errors) {
        List<Integer> ids = command.optionIds() == null ? List.of() : command.optionIds();
        if (command.ranking() != null) {
            errors.reject("ranking", "This ballot is not ranked: send option_ids");
        }
        if (command.scores() != null) {
            errors.reject("scores", "This ballot is not scored: send option_ids");
        }
        if (command.writeIn() != null) {
            if (!ids.isEmpty()) {
                errors.reject("option_ids", "Send option_ids or write_in, not both");
            }
            return new VoteForm(VoteForm.WRITE_IN, command.writeIn());
        }
        if (ids.size() > 1) {
            errors.reject("option_ids", "This ballot takes one choice");
        }
        Integer id = ids.isEmpty() ? null : ids.getFirst();
        return new VoteForm(id == null ? null : Integer.toString(id), null);
    }

    /** The form's field names as the API names them. */
    private static String apiField(String formField) {
        return switch (formField) {
            case "option_id" -> "option_ids";
            case "write_in_value" -> "write_in";
            default -> formField;
        };
    }

    private static FieldErrors renamed(FieldErrors form) {
        FieldErrors api = FieldErrors.none();
        form.asMap().forEach((field, message) -> api.reject(apiField(field), message));
        return api;
    }
}
