package dev.oponn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import dev.oponn.support.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * OPONN_ENV: staging and production refuse, in one sentence naming the setting, every configuration a public
 * cluster must not run on; production runs when fully configured, logs JSON and serves HSTS.
 */
@ExtendWith(OutputCaptureExtension.class)
class EnvironmentTests {

    /** Everything staging and production need, apart from the one setting a test leaves out or spoils. */
    private static List<String> fullyConfigured(String environment) {
        return new ArrayList<>(List.of(
                "--oponn.env=" + environment,
                "--oponn.database.url=jdbc:postgresql://127.0.0.1:5432/never_connected",
                "--oponn.redis.url=redis://127.0.0.1:6379",
                "--oponn.kms.key-id=test-master-key",
                "--oponn.public-url=https://vote.example.org",
                "--server.port=0",
                "--oponn.management.port=0"));
    }

    private static List<String> without(String environment, String setting) {
        List<String> settings = fullyConfigured(environment);
        settings.removeIf(arg -> arg.startsWith("--" + setting + "="));
        return settings;
    }

    private static List<String> with(String environment, String setting) {
        List<String> settings = fullyConfigured(environment);
        settings.add("--" + setting);
        return settings;
    }

    static Stream<Arguments> refusals() {
        return Stream.of("staging", "production")
                .flatMap(env -> Stream.of(
                        Arguments.of(
                                without(env, "oponn.database.url"),
                                "Oponn refuses to start in " + env
                                        + " without a database: set OPONN_DATABASE_URL (jdbc:postgresql://host:5432/db)."),
                        Arguments.of(
                                without(env, "oponn.redis.url"),
                                "Oponn refuses to start in " + env
                                        + " without Redis: set OPONN_REDIS_URL (redis://host:6379)."),
                        Arguments.of(
                                without(env, "oponn.kms.key-id"),
                                "Oponn refuses to start in " + env
                                        + " without a KMS key: set OPONN_KMS_KEY_ID to the id of the master key."),
                        Arguments.of(
                                without(env, "oponn.public-url"),
                                "Oponn refuses to start in " + env
                                        + " without its public address: set OPONN_PUBLIC_URL (https://vote.example.org)."),
                        Arguments.of(
                                with(env, "oponn.csrf.enabled=false"),
                                "Oponn refuses to start in " + env
                                        + " with CSRF protection off: set OPONN_CSRF_ENABLED to true.")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void stagingAndProductionRefuseToStartMisconfigured(List<String> settings, String sentence) {
        assertThatThrownBy(() -> Instance.startBare(settings.toArray(String[]::new)))
                .isInstanceOf(RefusedToStart.class)
                .hasMessage(sentence);
    }

    @Test
    void productionRefusesToStartWithMockSignIn() {
        List<String> settings = with("production", "oponn.auth.mock-sign-in=true");
        assertThatThrownBy(() -> Instance.startBare(settings.toArray(String[]::new)))
                .isInstanceOf(RefusedToStart.class)
                .hasMessage(
                        "Oponn refuses to start in production with mock sign-in on: set OPONN_AUTH_MOCK_SIGN_IN to false.");
    }

    @Test
    void stagingAllowsMockSignInAndDevelopmentAndTestingRequireNothing() {
        assertThat(StartupRefusals.problems(
                        settings(Map.of(
                                "oponn.env", "staging",
                                "oponn.database.url", "jdbc:postgresql://db/oponn",
                                "oponn.redis.url", "redis://redis:6379",
                                "oponn.kms.key-id", "key",
                                "oponn.public-url", "https://vote.example.org",
                                "oponn.auth.mock-sign-in", "true")),
                        true))
                .isEmpty();
        assertThat(StartupRefusals.problems(settings(Map.of("oponn.csrf.enabled", "false")), true))
                .isEmpty();
        assertThat(StartupRefusals.problems(settings(Map.of("oponn.env", "testing")), true))
                .isEmpty();
    }

    @Test
    void everyProblemIsNamedWhenSeveralAreMissing() {
        assertThatThrownBy(() -> Instance.startBare("--oponn.env=production", "--oponn.auth.mock-sign-in=true"))
                .isInstanceOf(RefusedToStart.class)
                .hasMessageContainingAll(
                        "OPONN_DATABASE_URL",
                        "OPONN_REDIS_URL",
                        "OPONN_KMS_KEY_ID",
                        "OPONN_PUBLIC_URL",
                        "OPONN_AUTH_MOCK_SIGN_IN");
    }

    @Test
    void anUnknownEnvironmentIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> Instance.startBare("--oponn.env=prod", "--server.port=0"))
                .isInstanceOf(RefusedToStart.class)
                .hasMessage("OPONN_ENV must be one of development, testing, staging, production, not 'prod'.");
    }

    @Test
    void migrateInProductionNeedsOnlyTheDatabase() {
        assertThat(StartupRefusals.problems(settings(Map.of("oponn.env", "production")), false))
                .containsExactly(
                        "Oponn refuses to start in production without a database: set OPONN_DATABASE_URL (jdbc:postgresql://host:5432/db).");
    }

    @Test
    void productionStartsWhenFullyConfiguredLogsJsonAndServesHsts(CapturedOutput output) {
        FreshDatabase.Database database = FreshDatabase.create();
        List<String> settings = fullyConfigured("production");
        settings.removeIf(arg -> arg.startsWith("--oponn.database.url="));
        settings.add("--oponn.rate-limit.redis-key-prefix=oponn-test:" + UUID.randomUUID() + ":");
        try (MotoServer kms = MotoServer.start()) {
            settings.removeIf(arg -> arg.startsWith("--oponn.kms.key-id="));
            settings.add("--oponn.kms.key-id=" + kms.createKey());
            settings.add("--oponn.kms.endpoint=" + kms.endpoint());
            settings.add("--oponn.kms.region=" + MotoServer.REGION);
            Map<String, Object> credentials = Map.of("testAwsCredentials", MotoServer.CREDENTIALS);
            runFullyConfiguredProduction(output, database, credentials, settings);
        } finally {
            database.drop();
        }
    }

    private static void runFullyConfiguredProduction(
            CapturedOutput output, FreshDatabase.Database database, Map<String, Object> beans, List<String> settings) {
        try (Instance production =
                Instance.start(beans, database, FreshDatabase.randomSecret(), settings.toArray(String[]::new))) {
            Device device = new Device(production.port());
            String measure = "Secret agenda item " + UUID.randomUUID();
            String ballot = Flows.createBallot(device, measure, "yes, no", false);

            Device.Response page = device.get("/vote/" + ballot);
            assertThat(page.html()
                            .select("[data-notice=manage_link] a[data-notice-link]")
                            .attr("href"))
                    .as("links are built from OPONN_PUBLIC_URL")
                    .startsWith("https://vote.example.org/manage/" + ballot + "/");
            assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
            assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");

            assertThat(production.managementPort()).isNotEqualTo(production.port());
            assertThat(device.get("/actuator/health").status())
                    .as("actuator is not on the public port")
                    .isEqualTo(404);
            Device operator = new Device(production.managementPort());
            Device.Response readiness = operator.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"db\"", "\"redis\"", "\"kms\"", "\"UP\"");

            JsonNode created = jsonLines(output).stream()
                    .filter(line -> "ballot.created".equals(line.path("message").asString()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no JSON ballot.created event in:\n" + output));
            assertThat(created.path("ballot").asString())
                    .isEqualTo(production.bean(LogFingerprints.class).ballot(ballot));
            assertThat(output.getOut()).doesNotContain(ballot);
            // Key-values are top-level fields: a value type by its toString(), numbers and booleans as themselves.
            assertThat(created.path("ballot").isString()).isTrue();
            assertThat(created.path("options").isInt()).isTrue();
            assertThat(created.path("options").asInt()).isEqualTo(2);
            assertThat(created.path("write_ins").isBoolean()).isTrue();
            assertThat(created.path("write_ins").asBoolean()).isFalse();
            assertThat(created.path("level").asString()).isEqualTo("INFO");
            assertThat(created.path("logger_name").asString()).isEqualTo("dev.oponn.ballot.BallotService");
            assertThat(output.getOut()).doesNotContain(measure);
        }
    }

    /**
     * Logging is one per JVM: put back the text format that the production start switched to JSON. Boot keeps the
     * format in a system property that it never overwrites once set, so later contexts would log JSON too.
     */
    @AfterAll
    static void restoreTextLogs() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        LoggingSystem logging = LoggingSystem.get(EnvironmentTests.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        ObjectMapper json = new ObjectMapper();
        return output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(json::readTree)
                .toList();
    }

    private static MockEnvironment settings(Map<String, String> values) {
        MockEnvironment environment = new MockEnvironment();
        values.forEach(environment::setProperty);
        return environment;
    }
}
