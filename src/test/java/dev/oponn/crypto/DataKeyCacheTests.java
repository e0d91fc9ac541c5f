package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-process tier's rules: keys are reused, failures and absences are not remembered. */
class DataKeyCacheTests {

    final DataKeyCache cache = new DataKeyCache(
            new CryptoProperties.KeyCache(Duration.ofMinutes(1), 100, false, Duration.ofMinutes(10)),
            null,
            new SimpleMeterRegistry());
    final DataKey key = DataKey.of(Tink.newAes256GcmKeyset());
    final AtomicInteger unwraps = new AtomicInteger();

    @Test
    void aKeyIsUnwrappedOnceAndThenServedFromMemory() {
        assertThat(cache.get("b1", () -> unwrap(Optional.of(key)))).contains(key);
        assertThat(cache.get("b1", () -> unwrap(Optional.of(key)))).contains(key);
        assertThat(unwraps).hasValue(1);
    }

    @Test
    void aFailedUnwrapIsNotRememberedSoTheNextLookUpTriesAgain() {
        assertThatThrownBy(() -> cache.get("b2", () -> {
                    unwraps.incrementAndGet();
                    throw new KeyUnavailableException("KMS down");
                }))
                .isInstanceOf(KeyUnavailableException.class);
        assertThat(cache.get("b2", () -> unwrap(Optional.of(key)))).contains(key);
        assertThat(unwraps).hasValue(2);
    }

    @Test
    void aMissingKeyIsNotRemembered() {
        assertThat(cache.get("b3", () -> unwrap(Optional.empty()))).isEmpty();
        assertThat(cache.get("b3", () -> unwrap(Optional.of(key)))).contains(key);
        assertThat(unwraps).hasValue(2);
    }

    @Test
    void anEvictedKeyIsUnwrappedAgain() {
        cache.put("b4", key);
        cache.evict("b4");
        assertThat(cache.get("b4", () -> unwrap(Optional.of(key)))).contains(key);
        assertThat(unwraps).hasValue(1);
    }

    private Optional<DataKey> unwrap(Optional<DataKey> result) {
        unwraps.incrementAndGet();
        return result;
    }
}
