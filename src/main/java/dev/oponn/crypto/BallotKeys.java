package dev.oponn.crypto;

import com.google.crypto.tink.KeysetHandle;
import dev.oponn.platform.LogFingerprints;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each ballot's data key: generated and wrapped when the ballot is created (one master-key call), unwrapped on
 * demand through {@link DataKeyCache}, destroyed when the ballot is deleted. The wrapped key is bound to its
 * ballot id, so a wrapped key copied to another ballot's row does not unwrap.
 */
@Component
public class BallotKeys {

    private static final Logger log = LoggerFactory.getLogger(BallotKeys.class);

    private final MasterKeys masterKeys;
    private final DataKeyCache cache;
    private final WrappedKeyRepository repository;
    private final LogFingerprints fingerprints;
    private final AtomicBoolean mismatchReported = new AtomicBoolean();

    BallotKeys(
            MasterKeys masterKeys, DataKeyCache cache, WrappedKeyRepository repository, LogFingerprints fingerprints) {
        this.masterKeys = masterKeys;
        this.cache = cache;
        this.repository = repository;
        this.fingerprints = fingerprints;
    }

    /**
     * A fresh AES-256-GCM data key for a new ballot, wrapped under the primary master key. Call it before the
     * transaction that writes the ballot: if the master key is unreachable this throws and nothing is written.
     *
     * @throws KeyUnavailableException when the master key cannot be reached
     */
    public NewBallotKey generate(String ballotId) {
        KeysetHandle keyset = Tink.newAes256GcmKeyset();
        MasterKey master = masterKeys.primary();
        WrappedKey wrapped;
        try {
            wrapped = new WrappedKey(master.id(), Tink.wrap(keyset, master.aead(), context(ballotId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key refused to wrap a new data key", e);
        } catch (KeyUnavailableException e) {
            unavailable("wrap", ballotId, e);
            throw e;
        }
        DataKey key = DataKey.of(keyset);
        cache.put(ballotId, key);
        return new NewBallotKey(ballotId, wrapped, new FieldCipher(ballotId, key.aead()));
    }

    /** Stores the wrapped key; run it in the transaction that inserts the ballot, after the ballot row. */
    public void store(NewBallotKey key) {
        repository.insert(key.ballotId(), key.wrapped());
    }

    /**
     * The ballot's cipher, from the cache or by unwrapping its stored key. Empty when the ballot has no key: it
     * never existed or it was destroyed.
     *
     * @throws KeyUnavailableException when the key is not cached and the master key cannot be reached
     * @throws CiphertextRejectedException when the stored wrapped key does not unwrap for this ballot
     */
    public Optional<FieldCipher> cipher(String ballotId) {
        return cache.get(ballotId, () -> repository.find(ballotId).map(wrapped -> unwrap(ballotId, wrapped)))
                .map(key -> new FieldCipher(ballotId, key.aead()));
    }

    /**
     * Deletes the wrapped key, in its own statement so that it is gone even if deleting the rest fails, and
     * forgets every cached copy. After this nothing of the ballot can be decrypted again.
     *
     * @return whether there was a key
     */
    public boolean destroy(String ballotId) {
        boolean existed = repository.delete(ballotId);
        cache.evict(ballotId);
        log.atInfo()
                .setMessage("ballot_key.destroyed")
                .addKeyValue("ballot", fingerprints.ballot(ballotId))
                .addKeyValue("existed", existed)
                .log();
        return existed;
    }

    DataKey unwrap(String ballotId, WrappedKey wrapped) {
        MasterKey master;
        try {
            master = masterKeys.byId(wrapped.masterKeyId());
            return DataKey.of(Tink.unwrap(wrapped.bytes(), master.aead(), context(ballotId)));
        } catch (GeneralSecurityException e) {
            log.atError()
                    .setMessage("ballot_key.rejected")
                    .addKeyValue("ballot", fingerprints.ballot(ballotId))
                    .addKeyValue("master_key_id", wrapped.masterKeyId())
                    .log();
            throw new CiphertextRejectedException(
                    "wrapped data key rejected: ballot " + fingerprints.ballot(ballotId), e);
        } catch (MasterKeyMismatchException e) {
            mismatch(ballotId, wrapped);
            throw e;
        } catch (KeyUnavailableException e) {
            unavailable("unwrap", ballotId, e);
            throw e;
        }
    }

    /**
     * Once per process at error level: it is a configuration fault that every request for such a ballot would
     * repeat, and one line that names the settings to share says all there is to say.
     */
    private void mismatch(String ballotId, WrappedKey wrapped) {
        boolean first = mismatchReported.compareAndSet(false, true);
        (first ? log.atError() : log.atDebug())
                .setMessage("master_key.mismatch")
                .addKeyValue("ballot", fingerprints.ballot(ballotId))
                .addKeyValue("wrapped_by", wrapped.masterKeyId())
                .addKeyValue("this_instance", masterKeys.primary().id())
                .addKeyValue(
                        "hint",
                        "every instance must share the master key (the same OPONN_MASTER_KEYSET file, or "
                                + "OPONN_KMS_KEY_ID) and OPONN_SECRET_KEY; ballots created elsewhere stay "
                                + "unavailable here until then")
                .log();
    }

    WrappedKey wrap(String ballotId, DataKey key, MasterKey master) throws GeneralSecurityException {
        return new WrappedKey(master.id(), Tink.wrap(key.keyset(), master.aead(), context(ballotId)));
    }

    MasterKey primaryMasterKey() {
        return masterKeys.primary();
    }

    /** The wrapping is bound to the ballot id: the associated data of the master-key encryption. */
    private static byte[] context(String ballotId) {
        return ("oponn.ballot-key.v1:" + ballotId).getBytes(StandardCharsets.UTF_8);
    }

    private void unavailable(String operation, String ballotId, KeyUnavailableException e) {
        log.atWarn()
                .setMessage("master_key.unavailable")
                .addKeyValue("operation", operation)
                .addKeyValue("ballot", fingerprints.ballot(ballotId))
                .addKeyValue("reason", e.getMessage())
                .log();
    }
}
