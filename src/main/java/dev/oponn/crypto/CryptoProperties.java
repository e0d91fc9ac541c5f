package dev.oponn.crypto;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the master key lives and how long unwrapped data keys are kept.
 *
 * @param masterKeyset the local Tink keyset ({@code OPONN_MASTER_KEYSET}); unset means
 *     {@code $OPONN_DATA_DIR/master-keyset.json}. Used when no KMS key is set; with one it is only read, if it
 *     exists, so that data keys it wrapped can still be opened and re-wrapped under the KMS key
 * @param kms AWS KMS; when {@code keyId} is set it is the master key
 * @param keyCache the caches of unwrapped data keys
 */
@Validated
@ConfigurationProperties("oponn")
record CryptoProperties(
        @Nullable Path masterKeyset,
        @DefaultValue Kms kms,
        @DefaultValue KeyCache keyCache) {

    /**
     * @param keyId key id, key ARN or alias of the symmetric KMS key ({@code OPONN_KMS_KEY_ID})
     * @param endpoint endpoint override, for a KMS emulator or a VPC endpoint ({@code OPONN_KMS_ENDPOINT})
     * @param region the KMS region; unset means the AWS SDK's own chain ({@code AWS_REGION}, then the profile)
     */
    record Kms(
            @Nullable String keyId,
            @Nullable String endpoint,
            @Nullable String region) {

        boolean configured() {
            return keyId != null && !keyId.isBlank();
        }
    }

    /**
     * @param ttl how long an unwrapped data key stays in process after it was unwrapped
     * @param maxSize how many unwrapped data keys one instance keeps at most
     * @param redis also keep unwrapped data keys in Redis (only when {@code OPONN_REDIS_URL} is set too), so that
     *     every instance of a cluster unwraps each ballot's key once per {@code redisTtl} instead of once per
     *     {@code ttl}; see the architecture page for what that trades away
     * @param redisTtl sliding lifetime of a data key in Redis: every read extends it
     */
    record KeyCache(
            @DefaultValue("60s") Duration ttl,
            @DefaultValue("10000") long maxSize,
            @DefaultValue("false") boolean redis,
            @DefaultValue("10m") Duration redisTtl) {}
}
