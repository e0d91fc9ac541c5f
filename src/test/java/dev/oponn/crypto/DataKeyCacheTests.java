package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The in-process tier's rules: keys are reused, failures and absences are not remembered. */
class DataKeyCacheTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DataKeyCache cache = new DataKeyCache(
            new CryptoProperties.KeyCache(Duration.ofMinutes(1), 100, false, Duration.ofMinutes(10)), null, meters);
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
    void aLookUpThatWaitedOnAFailedUnwrapGetsTheSameFailure() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            waiterGetsTheFailure(threads);
        }
    }

    private void waiterGetsTheFailure(ExecutorService threads) throws Exception {
        CountDownLatch unwrapping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KeyUnavailableException down = new KeyUnavailableException("KMS down");
        CompletableFuture<Optional<DataKey>> first = CompletableFuture.supplyAsync(
                () -> cache.get("b5", () -> {
                    unwrapping.countDown();
                    await(release);
                    throw down;
                }),
                threads);
        assertThat(unwrapping.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<DataKey>> waiter =
                CompletableFuture.supplyAsync(() -> cache.get("b5", () -> unwrap(Optional.of(key))), threads);
        // The waiter has found the unwrap in flight (a local hit) before that unwrap fails.
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> meters.counter(DataKeyCache.LOOKUPS, "tier", "local", "result", "hit")
                                .count()
                        == 1);
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).cause().isSameAs(down);
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).cause().isSameAs(down);
        assertThat(unwraps).as("it waited instead of unwrapping").hasValue(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
