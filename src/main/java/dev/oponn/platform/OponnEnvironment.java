package dev.oponn.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Where this instance runs, chosen by {@code OPONN_ENV}. Each is also a Spring profile of the same name, so an
 * {@code application-production.properties} or a {@code <springProfile>} block in the logging configuration applies
 * to it alone. Development needs nothing configured; staging and production refuse to start without what a public
 * cluster needs ({@link StartupRefusals}).
 */
public enum OponnEnvironment {
    DEVELOPMENT,
    TESTING,
    STAGING,
    PRODUCTION;

    public static final String PROPERTY = "oponn.env";

    /** The environment the configuration names; development when it names none. */
    public static OponnEnvironment of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "");
        if (value.isBlank()) {
            return DEVELOPMENT;
        }
        return Arrays.stream(values())
                .filter(candidate -> candidate.profile().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new RefusedToStart("OPONN_ENV must be one of "
                        + Arrays.stream(values()).map(OponnEnvironment::profile).collect(Collectors.joining(", "))
                        + ", not '" + value + "'."));
    }

    /** The Spring profile this environment activates: its name in lower case. */
    public String profile() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Staging and production face the internet, so every shortcut that development allows is refused there. */
    public boolean strict() {
        return this == STAGING || this == PRODUCTION;
    }

    /** Everywhere but development, Oponn is served over HTTPS and tells browsers to keep it that way. */
    public boolean strictTransportSecurity() {
        return this != DEVELOPMENT;
    }
}
