package dev.oponn.vote;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotOption;
import dev.oponn.ballot.BallotOptions;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.vote.internal.VoteChoice;
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
            LogFingerprints fingerprints) {
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
    }

    boolean hasVoted(Ballot ballot, DeviceId device) {
        return votes.hasVoted(ballot.id(), devices.voterKey(ballot.id(), device));
    }

    /** @return the reason it was refused, or empty when it was counted */
    Optional<VoteRejection> cast(Ballot ballot, DeviceId device, VoteChoice choice) {
        VoteRejection early = windowRejection(ballot);
        if (early != null) {
            return rejected(ballot, early);
        }
        byte[] voter = devices.voterKey(ballot.id(), device);
        int shard = ThreadLocalRandom.current().nextInt(VoteRepository.TALLY_SHARDS);
        boolean newOption = false;
        boolean counted;
        switch (choice) {
            case VoteChoice.Existing existing ->
                counted = writer.record(ballot.id(), voter, existing.optionId(), shard);
            case VoteChoice.WriteIn writeIn -> {
                Optional<BallotOption> known = ballot.optionMatching(writeIn.label());
                if (known.isPresent()) {
                    counted = writer.record(ballot.id(), voter, known.get().id(), shard);
                } else {
                    BallotOptions.WriteIn option = castWriteIn(ballot, voter, writeIn.label(), shard);
                    counted = option != null;
                    newOption = option != null && option.created();
                    if (counted) {
                        catalog.refresh(ballot.id());
                    }
                }
            }
        }
        if (!counted) {
            return rejected(ballot, refusalReason(ballot, voter));
        }
        // Debug, not info: at thousands of votes a second one line each was 5% of the CPU per vote and gigabytes of
        // logs an hour that say less than the oponn.votes.cast counter. Refusals stay at info.
        log.atDebug()
                .setMessage("vote.recorded")
                // A supplier: the fingerprint costs an HMAC, paid only when debug is on.
                .addKeyValue("ballot", () -> fingerprints.ballot(ballot.id().value()))
                .addKeyValue("write_in", choice instanceof VoteChoice.WriteIn)
                .log();
        metrics.cast();
        events.publishEvent(new VoteRecorded(ballot.id(), newOption));
        return Optional.empty();
    }

    private BallotOptions.@Nullable WriteIn castWriteIn(Ballot ballot, byte[] voter, String label, int shard) {
        return transactions.execute(tx -> {
            if (!votes.claimVoter(ballot.id(), voter)) {
                return null;
            }
            BallotOptions.WriteIn option = options.findOrAppendWriteIn(ballot.id(), label);
            votes.count(ballot.id(), option.optionId(), shard);
            return option;
        });
    }

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
        return votes.notYetStarted(ballot.id()) ? VoteRejection.NOT_STARTED : VoteRejection.ENDED;
    }

    private Optional<VoteRejection> rejected(Ballot ballot, VoteRejection reason) {
        metrics.rejected(reason);
        log.atInfo()
                .setMessage("vote.rejected")
                .addKeyValue("ballot", fingerprints.ballot(ballot.id().value()))
                .addKeyValue("reason", reason.reason())
                .log();
        return Optional.of(reason);
    }
}
