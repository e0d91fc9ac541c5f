package dev.oponn.ballot;

import dev.oponn.account.AccountId;
import dev.oponn.ballot.internal.CreateBallotForm;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for a new ballot, whoever asks: the create page ({@link CreateBallotForm}) and the public
 * API ({@link NewBallotRequest}, read as that form). Invalid input creates nothing and fills {@code errors} with the
 * form's field names and messages.
 */
@Component
public class BallotCreation {

    private static final Logger log = LoggerFactory.getLogger(BallotCreation.class);

    private final BallotService ballots;
    private final Clock clock;

    BallotCreation(BallotService ballots, Clock clock) {
        this.ballots = ballots;
        this.clock = clock;
    }

    /**
     * A program's ballot. Its options arrive as a list; the form separates them with commas, so an option that holds
     * one is refused (no page could create it either).
     */
    public Optional<CreatedBallot> create(NewBallotRequest request, @Nullable AccountId owner, FieldErrors errors) {
        List<String> options = request.options() == null ? List.of() : request.options();
        if (options.stream().anyMatch(option -> option == null || option.contains(","))) {
            errors.reject("options_raw", Text.of("create.options_commas"));
        }
        CreateBallotForm form = new CreateBallotForm(
                request.measure(),
                String.join(",", options.stream().map(o -> o == null ? "" : o).toList()),
                request.allowWriteIn() ? "on" : null,
                request.startsAt() == null ? "now" : "scheduled",
                request.startsAt(),
                request.durationMins() == null ? null : Long.toString(request.durationMins()),
                null,
                request.perAddressCap() == null ? null : Integer.toString(request.perAddressCap()),
                request.voteChallenge() ? "on" : null,
                request.resultsVisibility(),
                request.votingMethod(),
                request.maxChoices() == null ? null : Integer.toString(request.maxChoices()));
        return create(
                form, request.whoMayVote() == null ? WhoMayVote.ANYONE.value() : request.whoMayVote(), owner, errors);
    }

    /** The create page's ballot. */
    Optional<CreatedBallot> create(
            CreateBallotForm form, String whoMayVote, @Nullable AccountId owner, FieldErrors errors) {
        Optional<BallotDraft> draft = form.validate(Instant.now(clock), errors);
        Optional<WhoMayVote> who = WhoMayVote.parse(whoMayVote.strip());
        if (who.isEmpty()) {
            errors.reject("who_may_vote", Text.of("ballot.who_may_vote_invalid"));
        }
        if (draft.isEmpty() || who.isEmpty() || errors.any()) {
            log.atInfo()
                    .setMessage("ballot.rejected")
                    .addKeyValue("fields", errors.asMap().keySet())
                    .log();
            return Optional.empty();
        }
        return Optional.of(ballots.create(draft.get().withWhoMayVote(who.get()), owner));
    }
}
