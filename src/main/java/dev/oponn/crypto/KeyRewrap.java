package dev.oponn.crypto;

import dev.oponn.platform.LogFingerprints;
import java.security.GeneralSecurityException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-wraps stored data keys under the current primary master key, so that an old master key can be retired. The
 * data keys themselves do not change, so no ciphertext is touched and no cache goes stale, and running instances
 * keep working throughout. Each row is replaced only if nobody changed or deleted it meanwhile.
 */
@Component
class KeyRewrap {

    private static final Logger log = LoggerFactory.getLogger(KeyRewrap.class);
    private static final int PAGE = 200;

    private final BallotKeys keys;
    private final WrappedKeyRepository repository;
    private final LogFingerprints fingerprints;

    KeyRewrap(BallotKeys keys, WrappedKeyRepository repository, LogFingerprints fingerprints) {
        this.keys = keys;
        this.repository = repository;
        this.fingerprints = fingerprints;
    }

    /** @param all also re-wrap keys already recorded under the primary (after moving an alias, for example) */
    Report rewrap(boolean all) {
        MasterKey primary = keys.primaryMasterKey();
        int rewrapped = 0;
        int current = 0;
        int failed = 0;
        String after = "";
        List<WrappedKeyRepository.Row> page;
        do {
            page = repository.page(after, PAGE);
            for (WrappedKeyRepository.Row row : page) {
                after = row.ballotId();
                if (!all && row.key().masterKeyId().equals(primary.id())) {
                    current++;
                } else if (rewrapOne(row, primary)) {
                    rewrapped++;
                } else {
                    failed++;
                }
            }
        } while (page.size() == PAGE);
        Report report = new Report(primary.id(), rewrapped, current, failed);
        log.atInfo()
                .setMessage("ballot_key.rewrap_finished")
                .addKeyValue("master_key_id", primary.id())
                .addKeyValue("rewrapped", rewrapped)
                .addKeyValue("already_current", current)
                .addKeyValue("failed", failed)
                .log();
        return report;
    }

    private boolean rewrapOne(WrappedKeyRepository.Row row, MasterKey primary) {
        try {
            DataKey key = keys.unwrap(row.ballotId(), row.key());
            WrappedKey fresh = keys.wrap(row.ballotId(), key, primary);
            // A row that changed meanwhile was deleted (nothing left to protect) or re-wrapped by another run.
            repository.replace(row.ballotId(), row.key(), fresh);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            log.atError()
                    .setMessage("ballot_key.rewrap_failed")
                    .addKeyValue("ballot", fingerprints.ballot(row.ballotId()))
                    .addKeyValue("master_key_id", row.key().masterKeyId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
            return false;
        }
    }

    /**
     * @param primaryMasterKeyId the master key every re-wrapped data key is now under
     * @param alreadyCurrent keys that were under it before and were left alone
     * @param failed keys that could not be unwrapped (their master key is gone or unreachable) and keep their old
     *     wrapping
     */
    record Report(String primaryMasterKeyId, int rewrapped, int alreadyCurrent, int failed) {}
}
