package dev.oponn.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Readiness of the master key ({@code kms} in {@code /actuator/health/readiness}). With AWS KMS it asks KMS to
 * describe the key, at most once per {@link #RECHECK}, so that probes do not become a KMS bill; a local keyset was
 * read at startup and is always up.
 */
@Component("kms")
class KmsHealth implements HealthIndicator {

    static final Duration RECHECK = Duration.ofSeconds(30);

    private final ObjectProvider<KmsClient> kms;
    private final CryptoProperties properties;
    private final Clock clock;
    private volatile @Nullable Checked last;

    KmsHealth(ObjectProvider<KmsClient> kms, CryptoProperties properties, Clock clock) {
        this.kms = kms;
        this.properties = properties;
        this.clock = clock;
    }

    private record Checked(Health health, Instant at) {}

    @Override
    public Health health() {
        KmsClient client = kms.getIfAvailable();
        String keyId = properties.kms().keyId();
        if (client == null || keyId == null) {
            return Health.up().withDetail("provider", "local").build();
        }
        Instant now = clock.instant();
        Checked previous = last;
        if (previous != null && previous.at().plus(RECHECK).isAfter(now)) {
            return previous.health();
        }
        Health health;
        try {
            client.describeKey(request -> request.keyId(keyId));
            health = Health.up().withDetail("provider", "aws-kms").build();
        } catch (SdkException e) {
            health = Health.down().withDetail("provider", "aws-kms").build();
        }
        last = new Checked(health, now);
        return health;
    }
}
