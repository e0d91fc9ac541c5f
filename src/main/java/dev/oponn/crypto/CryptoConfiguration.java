package dev.oponn.crypto;

import dev.oponn.platform.ConditionalOnKmsConfigured;
import dev.oponn.platform.LogFingerprints;
import dev.oponn.platform.OponnProperties;
import dev.oponn.platform.ServerSecret;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Chooses the master key from configuration: AWS KMS when {@code OPONN_KMS_KEY_ID} is set, else the local keyset
 * file, generated on first run. Also builds the data-key cache, with its Redis tier only when both
 * {@code oponn.key-cache.redis} and {@code OPONN_REDIS_URL} are set.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    static final String KEYSET_FILE = "master-keyset.json";

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    /** Credentials come from the SDK's default chain unless the context holds an {@link AwsCredentialsProvider}. */
    @Bean(destroyMethod = "close")
    @ConditionalOnKmsConfigured
    KmsClient kmsClient(CryptoProperties properties, ObjectProvider<AwsCredentialsProvider> credentials) {
        CryptoProperties.Kms kms = properties.kms();
        KmsClientBuilder builder = KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)));
        if (kms.region() != null && !kms.region().isBlank()) {
            builder.region(Region.of(kms.region()));
        }
        if (kms.endpoint() != null && !kms.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(kms.endpoint()));
        }
        credentials.ifAvailable(builder::credentialsProvider);
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalStateException(
                    "OPONN_KMS_KEY_ID is set but the AWS SDK could not be configured (" + e.getMessage()
                            + "); set AWS_REGION to the key's region.",
                    e);
        }
    }

    @Bean
    MasterKeys masterKeys(
            CryptoProperties crypto, OponnProperties oponn, ObjectProvider<KmsClient> kmsClient, MeterRegistry meters) {
        Tink.registerAead();
        Path keysetFile = keysetFile(crypto, oponn);
        KmsClient kms = kmsClient.getIfAvailable();
        String keyId = crypto.kms().keyId();
        if (kms != null && keyId != null) {
            Optional<LocalKeyset> local = LocalKeyset.readIfPresent(keysetFile);
            log.atInfo()
                    .setMessage("master_key.configured")
                    .addKeyValue("provider", "aws-kms")
                    .addKeyValue("key_id", keyId)
                    .addKeyValue("local_keyset_readable", local.isPresent())
                    .log();
            return MasterKeys.awsKms(kms, keyId, local.map(keys -> new LocalKeysetFile(keysetFile, keys)), meters);
        }
        LocalKeyset local = LocalKeyset.createIfAbsent(keysetFile)
                .map(created -> {
                    log.atWarn()
                            .setMessage("master_key.generated")
                            .addKeyValue("file", keysetFile.toAbsolutePath())
                            .addKeyValue(
                                    "warning",
                                    "DEVELOPMENT ONLY: this file decrypts every ballot; anyone who can read it and "
                                            + "the database can read every ballot. Set OPONN_KMS_KEY_ID to keep the "
                                            + "master key in AWS KMS")
                            .log();
                    return created;
                })
                .orElseGet(() -> LocalKeyset.readIfPresent(keysetFile).orElseThrow());
        log.atInfo()
                .setMessage("master_key.configured")
                .addKeyValue("provider", "local-keyset")
                .addKeyValue("file", keysetFile.toAbsolutePath())
                .addKeyValue("primary", local.primary().id())
                .log();
        return MasterKeys.localKeyset(new LocalKeysetFile(keysetFile, local), meters);
    }

    @Bean(destroyMethod = "clear")
    DataKeyCache dataKeyCache(
            CryptoProperties crypto,
            ObjectProvider<StringRedisTemplate> redis,
            ServerSecret secret,
            LogFingerprints fingerprints,
            MeterRegistry meters) {
        CryptoProperties.KeyCache settings = crypto.keyCache();
        StringRedisTemplate template = settings.redis() ? redis.getIfAvailable() : null;
        RedisKeyTier shared =
                template == null ? null : new RedisKeyTier(template, secret, settings.redisTtl(), fingerprints);
        if (settings.redis() && shared == null) {
            log.atWarn()
                    .setMessage("key_cache.redis_not_configured")
                    .addKeyValue(
                            "hint", "OPONN_KEY_CACHE_REDIS is on but OPONN_REDIS_URL is not set; keys stay in process")
                    .log();
        }
        log.atInfo()
                .setMessage("key_cache.configured")
                .addKeyValue("ttl", settings.ttl())
                .addKeyValue("max_size", settings.maxSize())
                .addKeyValue("redis", shared != null)
                .log();
        return new DataKeyCache(settings, shared, meters);
    }

    static Path keysetFile(CryptoProperties crypto, OponnProperties oponn) {
        Path configured = crypto.masterKeyset();
        return configured != null ? configured : oponn.dataDir().resolve(KEYSET_FILE);
    }
}
