package dev.oponn.ballot;

import org.springframework.stereotype.Component;

/**
 * The one change a ballot's definition takes after it is created: a write-in appended as a new option. Vote calls
 * it inside its own transaction, so that the option and the vote that names it commit together; the ballot's
 * tables stay this feature's own.
 */
@Component
public class BallotOptions {

    private final BallotRepository repository;
    private final OptionLabels labels;

    BallotOptions(BallotRepository repository, OptionLabels labels) {
        this.repository = repository;
        this.labels = labels;
    }

    /**
     * The option a write-in names, appended if the ballot has none that reads the same (trimmed, NFC,
     * case-folded). Takes the ballot row's {@code NO KEY UPDATE} lock, which ordinary votes never wait for, so must
     * run inside the caller's transaction. The caller refreshes {@link BallotCatalog} after its commit.
     *
     * @param maxWriteIns most write-in options the ballot may have, counted under that lock
     * @throws WriteInLimitReached if the option would be new and the ballot already has {@code maxWriteIns}
     */
    public WriteIn findOrAppendWriteIn(BallotId ballot, String label, int maxWriteIns) {
        return repository.findOrAddWriteIn(ballot, label, labels.key(ballot, label), maxWriteIns);
    }

    /** @param created whether this call appended the option (false: an equal one was there already) */
    public record WriteIn(int optionId, boolean created) {}
}
