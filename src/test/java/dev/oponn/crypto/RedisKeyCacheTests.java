package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotDraft;
import dev.oponn.ballot.BallotService;
import dev.oponn.support.OponnTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The optional Redis tier of the data-key cache, against the real Redis. Its keys are {@code oponn:dek:<ballot
 * id>}, and ballot ids are 128 random bits, so parallel runs never touch each other's keys.
 */
@OponnTest
@TestPropertySource(properties = {"oponn.redis.url=redis://127.0.0.1:6379", "oponn.key-cache.redis=true"})
class RedisKeyCacheTests {

    @Autowired
    BallotService ballots;

    @Autowired
    BallotCatalog catalog;

    @Autowired
    DataKeyCache dataKeys;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void anInstanceWithoutTheKeyInMemoryTakesItFromRedisWithoutAKmsCall() {
        Ballot ballot = create("Shared through Redis");
        String redisKey = RedisKeyTier.redisKey(ballot.id().value());
        assertThat(redis.getExpire(redisKey)).isBetween(1L, 600L);

        dataKeys.evictLocal(ballot.id().value());
        double unwraps = count(MeteredAead.CALLS, "operation", "unwrap");
        double redisHits = count(DataKeyCache.LOOKUPS, "tier", "redis", "result", "hit");

        assertThat(catalog.refresh(ballot.id())).map(Ballot::measure).contains("Shared through Redis");
        assertThat(count(DataKeyCache.LOOKUPS, "tier", "redis", "result", "hit"))
                .isEqualTo(redisHits + 1);
        assertThat(count(MeteredAead.CALLS, "operation", "unwrap")).isEqualTo(unwraps);
    }

    @Test
    void readingAKeyFromRedisExtendsItsLifetime() {
        Ballot ballot = create("Sliding expiry");
        String redisKey = RedisKeyTier.redisKey(ballot.id().value());
        redis.expire(redisKey, Duration.ofSeconds(30));

        dataKeys.evictLocal(ballot.id().value());
        assertThat(catalog.refresh(ballot.id())).isPresent();

        assertThat(redis.getExpire(redisKey)).isGreaterThan(30L);
    }

    @Test
    void redisHoldsTheKeySealedNotInTheClear() {
        Ballot ballot = create("Sealed in Redis");
        String stored =
                redis.opsForValue().get(RedisKeyTier.redisKey(ballot.id().value()));
        assertThat(stored).isNotNull();
        Optional<DataKey> key = dataKeys.get(ballot.id().value(), Optional::empty);
        assertThat(key).isPresent();
        byte[] raw = ((AesGcmKey) key.get().keyset().getPrimary().getKey())
                .getKeyBytes()
                .toByteArray(InsecureSecretKeyAccess.get());

        assertThat(indexOf(Base64.getDecoder().decode(stored), raw)).isEqualTo(-1);
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(raw));
    }

    @Test
    void deletingABallotRemovesItsKeyFromRedis() {
        Ballot ballot = create("Deleted from Redis");
        String redisKey = RedisKeyTier.redisKey(ballot.id().value());
        assertThat(redis.hasKey(redisKey)).isTrue();

        ballots.delete(ballot.id());

        assertThat(redis.hasKey(redisKey)).isFalse();
    }

    private Ballot create(String measure) {
        return ballots.create(new BallotDraft(measure, List.of("One", "Two"), false, Instant.now(), null));
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
