package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.platform.ServerSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The optional shared tier of the data-key cache: {@code oponn:dek:<ballot id>} in Redis, with a sliding lifetime
 * (every read extends it). The keyset is not stored in the clear: it is sealed under a key derived from the server
 * secret, bound to the ballot id, so a Redis dump alone opens nothing. Whoever holds both Redis and
 * {@code OPONN_SECRET_KEY} can open every cached key, which is the documented price of the tier. Redis trouble is
 * a cache miss, never a failed request.
 */
final class RedisKeyTier {

    private static final Logger log = LoggerFactory.getLogger(RedisKeyTier.class);
    private static final String PREFIX = "oponn:dek:";

    private final StringRedisTemplate redis;
    private final Aead seal;
    private final Duration ttl;
    private final LogFingerprints fingerprints;

    RedisKeyTier(StringRedisTemplate redis, ServerSecret secret, Duration ttl, LogFingerprints fingerprints) {
        this.redis = redis;
        this.seal = sealingKey(secret);
        this.ttl = ttl;
        this.fingerprints = fingerprints;
    }

    private static Aead sealingKey(ServerSecret secret) {
        byte[] raw = secret.mac("data-key-cache", "v1");
        try {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            return AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not derive the key-cache sealing key", e);
        }
    }

    Optional<DataKey> get(String ballotId) {
        @Nullable String stored;
        try {
            stored = redis.opsForValue().getAndExpire(PREFIX + ballotId, ttl);
        } catch (DataAccessException e) {
            failed("get", ballotId, e);
            return Optional.empty();
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DataKey.of(Tink.unwrap(Base64.getDecoder().decode(stored), seal, context(ballotId))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Not ours or altered: drop it and let the caller unwrap from the database.
            log.atWarn()
                    .setMessage("key_cache.redis_rejected")
                    .addKeyValue("ballot", fingerprints.ballot(ballotId))
                    .log();
            evict(ballotId);
            return Optional.empty();
        }
    }

    void put(String ballotId, DataKey key) {
        try {
            String sealed = Base64.getEncoder().encodeToString(Tink.wrap(key.keyset(), seal, context(ballotId)));
            redis.opsForValue().set(PREFIX + ballotId, sealed, ttl);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a data key for the Redis cache", e);
        } catch (DataAccessException e) {
            failed("put", ballotId, e);
        }
    }

    void evict(String ballotId) {
        try {
            redis.delete(PREFIX + ballotId);
        } catch (DataAccessException e) {
            failed("evict", ballotId, e);
        }
    }

    static String redisKey(String ballotId) {
        return PREFIX + ballotId;
    }

    private static byte[] context(String ballotId) {
        return ("oponn.data-key-cache.v1:" + ballotId).getBytes(StandardCharsets.UTF_8);
    }

    private void failed(String operation, String ballotId, DataAccessException e) {
        log.atWarn()
                .setMessage("key_cache.redis_failed")
                .addKeyValue("operation", operation)
                .addKeyValue("ballot", fingerprints.ballot(ballotId))
                .addKeyValue("error", e.getClass().getSimpleName())
                .log();
    }
}
