package dev.oponn.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Staging and production refuse to start on a configuration that would quietly run a public cluster unsafely or
 * in process: no database (an embedded one would start), no Redis (instances would not share limits, sessions or
 * live results), no KMS key, no public URL (links and the origin check would trust the request's {@code Host}
 * header and a TLS-terminating proxy's plain-HTTP scheme), CSRF switched off, or (production) the development mock
 * sign-in switched on.
 *
 * <p>It checks the settings as soon as they are read and logging is set up, before any bean exists, so nothing is
 * started on a configuration that is about to be refused. Each problem is one sentence naming what to set. A
 * command-line job without a web server ({@code ./oponn migrate}) is held only to the database rule.
 */
final class StartupRefusals implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        boolean server = event.getSpringApplication().getWebApplicationType() != WebApplicationType.NONE;
        List<String> problems = problems(event.getEnvironment(), server);
        if (!problems.isEmpty()) {
            throw new RefusedToStart(String.join(" ", problems));
        }
    }

    static List<String> problems(Environment settings, boolean server) {
        OponnEnvironment environment = OponnEnvironment.of(settings);
        List<String> problems = new ArrayList<>();
        if (!environment.strict()) {
            return problems;
        }
        String in = "Oponn refuses to start in " + environment.profile();
        if (blank(settings, "oponn.database.url")) {
            problems.add(in + " without a database: set OPONN_DATABASE_URL (jdbc:postgresql://host:5432/db).");
        }
        if (!server) {
            return problems;
        }
        if (blank(settings, "oponn.redis.url")) {
            problems.add(in + " without Redis: set OPONN_REDIS_URL (redis://host:6379).");
        }
        if (blank(settings, "oponn.kms.key-id")) {
            problems.add(in + " without a KMS key: set OPONN_KMS_KEY_ID to the id of the master key.");
        }
        if (blank(settings, "oponn.public-url")) {
            problems.add(in + " without its public address: set OPONN_PUBLIC_URL (https://vote.example.org).");
        }
        if (!settings.getProperty("oponn.csrf.enabled", Boolean.class, true)) {
            problems.add(in + " with CSRF protection off: set OPONN_CSRF_ENABLED to true.");
        }
        if (environment == OponnEnvironment.PRODUCTION
                && settings.getProperty("oponn.auth.mock-sign-in", Boolean.class, false)) {
            problems.add(in + " with mock sign-in on: set OPONN_AUTH_MOCK_SIGN_IN to false.");
        }
        return problems;
    }

    private static boolean blank(Environment settings, String property) {
        return !SettingCondition.isSet(settings, property);
    }

    /** After logging is configured, so a refusal is logged in the environment's format (JSON in production). */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
