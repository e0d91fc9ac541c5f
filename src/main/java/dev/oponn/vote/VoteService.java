package dev.oponn.vote;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotOption;
import dev.oponn.ballot.BallotOptions;
import dev.oponn.ballot.WriteInLimitReached;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.vote.internal.VoteChoice;
import dev.oponn.web.Text;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Casts votes. An existing option costs one statement in a group commit ({@link VoteWriter}); a write-in that
 * names a new option costs one short transaction of its own that also appends the option. Either way nothing is held across a network call and nothing is
 * re-read: the ballot comes from the {@link BallotCatalog}.
 */
@Service
class VoteService {

    private static final Logger log = LoggerFactory.getLogger(VoteService.class);

    private final VoteRepository votes;
    private final VoteWriter writer;
    private final BallotOptions options;
    private final BallotCatalog catalog;
    private final DeviceTokens devices;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VoteMetrics metrics;
    private final LogFingerprints fingerprints;
    private final RefusalLedger refusals;
    private final int maxWriteIns;

    VoteService(
            VoteRepository votes,
            VoteWriter writer,
            BallotOptions options,
            BallotCatalog catalog,
            DeviceTokens devices,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            VoteMetrics metrics,
            LogFingerprints fingerprints,
            RefusalLedger refusals,
            VoteProperties properties) {
        this.votes = votes;
        this.writer = writer;
        this.options = options;
        this.catalog = catalog;
        this.devices = devices;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
        this.fingerprints = fingerprints;
        this.refusals = refusals;
        this.maxWriteIns = properties.maxWriteInsPerBallot();
    }

    /** The words for a refusal; the write-in limit names its number. */
    Text message(VoteRejection rejection) {
        return rejection.message(maxWriteIns);
    }

    boolean hasVoted(Ballot ballot, DeviceId device) {
        return hasVoted(ballot, devices.voterKey(ballot.id(), device));
    }

    /** @param voter the voter key ({@link DeviceTokens#voterKey}, of a device or of an account) */
    boolean hasVoted(Ballot ballot, byte[] voter) {
        return votes.hasVoted(ballot.id(), voter);
    }

    /**
     * @param addressKey the client network's key when the ballot caps votes per network ({@link AddressKeys})
     * @return the reason it was refused, or empty when it was counted
     */
    Optional<VoteRejection> cast(Ballot ballot, DeviceId device, VoteChoice choice, byte @Nullable [] addressKey) {
        return cast(ballot, devices.voterKey(ballot.id(), device), choice, addressKey);
    }

    /** @param voter the voter key ({@link DeviceTokens#voterKey}, of a device or, on a signed-in ballot, an account) */
    Optional<VoteRejection> cast(Ballot ballot, byte[] voter, VoteChoice choice, byte @Nullable [] addressKey) {
        VoteRejection early = windowRejection(ballot);
        if (early != null) {
            return refuse(ballot, early);
        }
        int shard = ThreadLocalRandom.current().nextInt(VoteRepository.TALLY_SHARDS);
        boolean newOption = false;
        boolean counted;
        String writeInLabel = choice.writeIn();
        Optional<BallotOption> known = writeInLabel == null ? Optional.empty() : ballot.optionMatching(writeInLabel);
        if (choice instanceof VoteChoice.Existing existing) {
            counted = writer.record(ballot.id(), voter, existing.optionId(), shard, addressKey);
        } else if (writeInLabel == null || known.isPresent()) {
            // No new option: the group commit. A write-in that reads as an existing option counts for it.
            counted = record(ballot, voter, choice, known.map(BallotOption::id).orElse(0), shard, addressKey);
        } else {
            WriteInOutcome outcome;
            try {
                outcome = castWriteIn(ballot, voter, choice, writeInLabel, shard, addressKey);
            } catch (WriteInLimitReached full) {
                return refuse(ballot, VoteRejection.WRITE_IN_CAP);
            }
            if (outcome.refused() != null) {
                return refuse(ballot, outcome.refused());
            }
            counted = outcome.option() != null;
            newOption = outcome.option() != null && outcome.option().created();
            if (counted) {
                catalog.refresh(ballot.id());
            }
        }
        if (!counted) {
            return refuse(ballot, refusalReason(ballot, voter));
        }
        // Debug, not info: at thousands of votes a second one line each was 5% of the CPU per vote and gigabytes of
        // logs an hour that say less than the oponn.votes.cast counter. Refusals stay at info.
        log.atDebug()
                .setMessage("vote.recorded")
                // A supplier: the fingerprint costs an HMAC, paid only when debug is on.
                .addKeyValue("ballot", () -> fingerprints.ballot(ballot.id().value()))
                .addKeyValue("write_in", writeInLabel != null)
                .log();
        metrics.cast();
        events.publishEvent(new VoteRecorded(ballot.id(), newOption));
        return Optional.empty();
    }

    /** Through the group commit, the write-in (if any) already resolved to {@code writeInId}. */
    private boolean record(
            Ballot ballot, byte[] voter, VoteChoice choice, int writeInId, int shard, byte @Nullable [] addressKey) {
        return switch (choice) {
            case VoteChoice.Existing existing ->
                writer.record(ballot.id(), voter, existing.optionId(), shard, addressKey);
            case VoteChoice.WriteIn writeIn -> writer.record(ballot.id(), voter, writeInId, shard, addressKey);
            case VoteChoice.Picked picked ->
                writer.recordOptions(ballot.id(), voter, picked.resolved(writeInId), shard, addressKey);
            case VoteChoice.Ranked ranked ->
                writer.recordContent(
                        ballot.id(), voter, BallotContents.ranking(ranked.resolved(writeInId)), shard, addressKey);
            case VoteChoice.Scored scored ->
                writer.recordContent(
                        ballot.id(), voter, BallotContents.scores(scored.resolved(writeInId)), shard, addressKey);
        };
    }

    /** Inside the write-in's transaction, once its option id is known. */
    private void count(Ballot ballot, VoteChoice choice, int writeInId, int shard) {
        switch (choice) {
            case VoteChoice.Picked picked -> votes.countOptions(ballot.id(), picked.resolved(writeInId), shard);
            case VoteChoice.Ranked ranked ->
                votes.countContent(ballot.id(), BallotContents.ranking(ranked.resolved(writeInId)), shard);
            case VoteChoice.Scored scored ->
                votes.countContent(ballot.id(), BallotContents.scores(scored.resolved(writeInId)), shard);
            case VoteChoice.Existing existing -> votes.count(ballot.id(), existing.optionId(), shard);
            case VoteChoice.WriteIn writeIn -> votes.count(ballot.id(), writeInId, shard);
        }
    }

    /**
     * A new write-in's transaction: claim the voter, append the option, then count the choice that names it (its
     * ranking or score vector is only complete once the option has its id). A refusal by the per-address cap or the
     * write-in limit rolls it all back.
     */
    private WriteInOutcome castWriteIn(
            Ballot ballot, byte[] voter, VoteChoice choice, String label, int shard, byte @Nullable [] addressKey) {
        WriteInOutcome outcome = transactions.execute(tx -> {
            if (!votes.claimVoter(ballot.id(), voter)) {
                return new WriteInOutcome(null, null);
            }
            if (addressKey != null && !votes.countAddress(ballot.id(), addressKey)) {
                tx.setRollbackOnly();
                return new WriteInOutcome(null, VoteRejection.ADDRESS_CAP);
            }
            BallotOptions.WriteIn option = options.findOrAppendWriteIn(ballot.id(), label, maxWriteIns);
            count(ballot, choice, option.optionId(), shard);
            return new WriteInOutcome(option, null);
        });
        return outcome == null ? new WriteInOutcome(null, null) : outcome;
    }

    private record WriteInOutcome(
            BallotOptions.@Nullable WriteIn option,
            @Nullable VoteRejection refused) {}

    /** The instance's clock screens out votes that surely cannot count; the database decides the rest. */
    private @Nullable VoteRejection windowRejection(Ballot ballot) {
        return switch (ballot.status(clock.instant())) {
            case PENDING -> VoteRejection.NOT_STARTED;
            case ENDED -> VoteRejection.ENDED;
            case ACTIVE -> null;
        };
    }

    private VoteRejection refusalReason(Ballot ballot, byte[] voter) {
        if (votes.hasVoted(ballot.id(), voter)) {
            return VoteRejection.ALREADY_VOTED;
        }
        if (ballot.defences().capped() && votes.isActive(ballot.id())) {
            return VoteRejection.ADDRESS_CAP;
        }
        return votes.notYetStarted(ballot.id()) ? VoteRejection.NOT_STARTED : VoteRejection.ENDED;
    }

    /**
     * Counts and logs a refusal, whichever part of the vote path made it. A defence's refusals are logged at debug:
     * they come in floods by design, and the metric and the owner's counts already say how many.
     */
    Optional<VoteRejection> refuse(Ballot ballot, VoteRejection reason) {
        metrics.rejected(reason);
        refusals.refused(ballot.id(), reason);
        (reason.defence() ? log.atDebug() : log.atInfo())
                .setMessage("vote.rejected")
                .addKeyValue("ballot", fingerprints.ballot(ballot.id().value()))
                .addKeyValue("reason", reason.reason())
                .log();
        return Optional.of(reason);
    }
}
