package dev.oponn.ballot;

import dev.oponn.account.AccountId;
import dev.oponn.crypto.BallotKeys;
import dev.oponn.crypto.NewBallotKey;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.web.Text;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, changes (the owner controls) and deletes ballots. A ballot's text is sealed under its own data key before it reaches the database,
 * and deleting a ballot destroys that key first.
 */
@Service
public class BallotService {

    private static final Logger log = LoggerFactory.getLogger(BallotService.class);

    private final BallotRepository repository;
    private final BallotKeys ballotKeys;
    private final BallotCatalog catalog;
    private final BallotOwnership ownership;
    private final OptionLabels labels;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LogFingerprints fingerprints;
    private final SecureRandom random = new SecureRandom();
    private final Counter created;

    BallotService(
            BallotRepository repository,
            BallotKeys ballotKeys,
            BallotCatalog catalog,
            BallotOwnership ownership,
            OptionLabels labels,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            LogFingerprints fingerprints,
            MeterRegistry meters) {
        this.repository = repository;
        this.ballotKeys = ballotKeys;
        this.events = events;
        this.catalog = catalog;
        this.ownership = ownership;
        this.labels = labels;
        this.transactions = transactions;
        this.clock = clock;
        this.fingerprints = fingerprints;
        this.created = Counter.builder("oponn.ballot.creations")
                .description("Ballots created")
                .register(meters);
    }

    /**
     * A ballot owned by {@code owner}, or for a guest ({@code owner} absent) one protected by a new manage key,
     * which is returned here once and never stored.
     */
    CreatedBallot create(BallotDraft draft, @Nullable AccountId owner) {
        if (owner != null) {
            return new CreatedBallot(insert(draft, id -> ownership.assignTo(id, owner)), null);
        }
        ManageKey key = ManageKey.random(random);
        return new CreatedBallot(insert(draft, id -> ownership.protectWith(id, key)), key);
    }

    /** A ballot nobody owns, as before sign-in existed; for tools and tests that only need a ballot to vote on. */
    public Ballot create(BallotDraft draft) {
        return insert(draft, id -> {});
    }

    private Ballot insert(BallotDraft draft, Consumer<BallotId> claim) {
        BallotId id = BallotId.random(random);
        List<BallotOption> options = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (String label : draft.options()) {
            options.add(new BallotOption(options.size() + 1, label, false));
            keys.add(labels.key(id, label));
        }
        Ballot ballot = new Ballot(
                id,
                draft.measure(),
                options,
                draft.allowWriteIn(),
                draft.votingMethod(),
                draft.resultsVisibility(),
                draft.startsAt(),
                draft.endsAt(),
                Instant.now(clock),
                draft.defences(),
                draft.whoMayVote(),
                draft.maxChoices());
        // The master-key call happens here, before anything is written: if it fails, nothing is.
        NewBallotKey dataKey = ballotKeys.generate(id.value());
        transactions.executeWithoutResult(tx -> {
            repository.insert(ballot, keys, dataKey.cipher());
            ballotKeys.store(dataKey);
            claim.accept(id);
        });
        catalog.put(ballot);
        created.increment();
        log.atInfo()
                .setMessage("ballot.created")
                .addKeyValue("ballot", fingerprints.ballot(id.value()))
                .addKeyValue("options", options.size())
                .addKeyValue("write_ins", draft.allowWriteIn())
                .addKeyValue("scheduled", draft.startsAt().isAfter(ballot.createdAt()))
                .addKeyValue("per_address_cap", draft.defences().perAddressCap())
                .addKeyValue("vote_challenge", draft.defences().challenge())
                .addKeyValue("who_may_vote", draft.whoMayVote().value())
                .addKeyValue("results_visibility", draft.resultsVisibility().value())
                .addKeyValue("voting_method", draft.votingMethod().value())
                .log();
        return ballot;
    }

    /**
     * Ends an active ballot now.
     *
     * @return why it was refused (nothing changed), or empty when done
     */
    public Optional<Text> close(BallotId id) {
        if (repository.close(id)) {
            return changed(id, BallotChanged.Kind.CLOSED);
        }
        return refused(
                id,
                status -> status == BallotStatus.PENDING
                        ? Text.of("manage.refused.not_started")
                        : Text.of("manage.refused.already_ended"));
    }

    /** Makes an ended ballot active again for {@code minutes} (0: with no end). */
    public Optional<Text> reopen(BallotId id, long minutes) {
        if (repository.reopen(id, minutes)) {
            return changed(id, BallotChanged.Kind.REOPENED);
        }
        return refused(
                id,
                status -> status == BallotStatus.PENDING
                        ? Text.of("manage.refused.not_started")
                        : Text.of("manage.refused.not_ended"));
    }

    /** Moves the end of an active or pending ballot {@code minutes} later, or gives it one. */
    public Optional<Text> extend(BallotId id, long minutes) {
        if (repository.extend(id, minutes)) {
            return changed(id, BallotChanged.Kind.EXTENDED);
        }
        return refused(id, status -> Text.of("manage.refused.ended_reopen"));
    }

    /** Opens a scheduled ballot now. */
    public Optional<Text> start(BallotId id) {
        if (repository.start(id)) {
            return changed(id, BallotChanged.Kind.STARTED);
        }
        return refused(id, status -> Text.of("manage.refused.already_started"));
    }

    /** Who may vote from now on; votes already cast stay counted. */
    public Optional<Text> allowVoters(BallotId id, WhoMayVote who) {
        Ballot ballot = catalog.find(id).orElse(null);
        if (ballot == null) {
            return Optional.of(Text.of("manage.refused.gone"));
        }
        if (ballot.whoMayVote() == who) {
            return Optional.of(Text.of("manage.refused.voters_unchanged", who.value()));
        }
        repository.setWhoMayVote(id, who);
        return changed(id, BallotChanged.Kind.VOTERS);
    }

    /**
     * The per-address cap from now on, absent for none. Nothing counted is removed: lowered below what a network
     * has cast, that network's further votes are refused; raised or turned off, it may vote again. Only votes cast
     * while a cap is on are counted against one (an uncapped ballot keeps no per-network rows), so a cap set later
     * counts from then. Unchanged is done, and changes nothing.
     */
    public Optional<Text> setPerAddressCap(BallotId id, @Nullable Integer cap) {
        if (repository.setPerAddressCap(id, cap)) {
            return changed(id, BallotChanged.Kind.CAP, "per_address_cap", cap == null ? "off" : cap);
        }
        return unchangedUnlessGone(id);
    }

    /**
     * Whether votes need the vote page's proof of work from now on. A vote page opened before the change: turned
     * on, its vote carries no solution and is refused with the clear message (the page it gets back has the
     * puzzle); turned off, a solution it carries is ignored. Unchanged is done, and changes nothing.
     */
    public Optional<Text> setVoteChallenge(BallotId id, boolean challenge) {
        if (repository.setVoteChallenge(id, challenge)) {
            return changed(id, BallotChanged.Kind.CHALLENGE, "vote_challenge", challenge);
        }
        return unchangedUnlessGone(id);
    }

    /** A setting that already had the value asked for is done; a ballot that is not there any more is refused. */
    private Optional<Text> unchangedUnlessGone(BallotId id) {
        return repository.statusNow(id).isPresent() ? Optional.empty() : Optional.of(Text.of("manage.refused.gone"));
    }

    private Optional<Text> changed(BallotId id, BallotChanged.Kind kind) {
        return changed(id, kind, null, null);
    }

    /** Every instance drops its copy and every viewer is told; the log names the setting's new value, if any. */
    private Optional<Text> changed(
            BallotId id, BallotChanged.Kind kind, @Nullable String setting, @Nullable Object value) {
        catalog.evict(id);
        events.publishEvent(new BallotChanged(id, kind));
        LoggingEventBuilder line =
                log.atInfo().setMessage("ballot." + kind.verb()).addKeyValue("ballot", fingerprints.ballot(id.value()));
        if (setting != null) {
            line.addKeyValue(setting, value);
        }
        line.log();
        return Optional.empty();
    }

    private Optional<Text> refused(BallotId id, Function<BallotStatus, Text> message) {
        return Optional.of(repository.statusNow(id).map(message).orElse(Text.of("manage.refused.gone")));
    }

    /**
     * Destroys a ballot: its data key first, committed on its own, so that from then on nothing of it can be
     * decrypted even if removing the rest fails; then, in one transaction, its rows (options and the ballot) and
     * {@link BallotDeleted}, whose synchronous listeners delete their features' rows of it (vote: voters and
     * counters) in that same transaction; then every cached copy in this instance. Live relays the event to the
     * other instances (over Redis), which drop their cached copies and end their streams of it.
     *
     * @return whether there was such a ballot
     */
    public boolean delete(BallotId id) {
        boolean hadKey = ballotKeys.destroy(id.value());
        boolean existed = Boolean.TRUE.equals(transactions.execute(tx -> {
            boolean gone = repository.delete(id) || hadKey;
            if (gone) {
                events.publishEvent(new BallotDeleted(id));
            }
            return gone;
        }));
        catalog.evict(id);
        log.atInfo()
                .setMessage("ballot.deleted")
                .addKeyValue("ballot", fingerprints.ballot(id.value()))
                .addKeyValue("existed", existed)
                .log();
        return existed;
    }
}
