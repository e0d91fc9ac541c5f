package dev.oponn.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The master keys this instance can use: the primary one, which wraps every new data key, and any other that can
 * still unwrap what it wrapped before (older keys of the local keyset, other KMS keys, the local keyset while
 * moving to KMS). The id recorded beside a wrapped data key says which one to ask.
 */
final class MasterKeys {

    static final String AWS_KMS = "aws-kms:";

    private final @Nullable LocalKeysetFile local;
    private final @Nullable KmsClient kms;
    private final @Nullable String kmsKeyId;
    private final MeterRegistry meters;

    private MasterKeys(
            @Nullable LocalKeysetFile local, @Nullable KmsClient kms, @Nullable String kmsKeyId, MeterRegistry meters) {
        this.local = local;
        this.kms = kms;
        this.kmsKeyId = kmsKeyId;
        this.meters = meters;
    }

    /** AWS KMS is primary; a local keyset, if there is one, still unwraps what it wrapped. */
    static MasterKeys awsKms(KmsClient kms, String keyId, Optional<LocalKeysetFile> local, MeterRegistry meters) {
        return new MasterKeys(local.orElse(null), kms, keyId, meters);
    }

    static MasterKeys localKeyset(LocalKeysetFile local, MeterRegistry meters) {
        return new MasterKeys(local, null, null, meters);
    }

    MasterKey primary() {
        if (kms != null && kmsKeyId != null) {
            return awsKmsKey(kms, kmsKeyId);
        }
        if (local == null) {
            throw new IllegalStateException("no master key is configured");
        }
        return metered(local.current().primary(), "local-keyset");
    }

    /** @throws MasterKeyMismatchException if this instance is not configured for the key that id names */
    MasterKey byId(String id) {
        if (id.startsWith(AWS_KMS) && kms != null) {
            return awsKmsKey(kms, id.substring(AWS_KMS.length()));
        }
        if (id.startsWith(LocalKeyset.SCHEME) && local != null) {
            Optional<MasterKey> key = local.current().byId(id);
            if (key.isPresent()) {
                return metered(key.get(), "local-keyset");
            }
        }
        throw new MasterKeyMismatchException("master key " + id + " is not available to this instance");
    }

    private MasterKey awsKmsKey(KmsClient client, String keyId) {
        return metered(new MasterKey(AWS_KMS + keyId, new AwsKmsAead(client, keyId)), "aws-kms");
    }

    private MasterKey metered(MasterKey key, String provider) {
        return new MasterKey(key.id(), new MeteredAead(key.aead(), meters, provider));
    }

    @Override
    public String toString() {
        return "MasterKeys[primary " + primary().id() + "]";
    }
}
