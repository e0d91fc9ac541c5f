package dev.oponn.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in and session settings ({@code OPONN_GOOGLE_CLIENT_ID}, {@code OPONN_AUTH_MOCK_SIGN_IN},
 * {@code OPONN_SESSION_IDLE_TIMEOUT}, ...). A provider without both a client id and a secret is not offered.
 *
 * @param env the environment ({@code OPONN_ENV}); only its default, {@code development}, turns mock sign-in on
 *     by itself
 */
@Validated
@ConfigurationProperties("oponn")
record AccountProperties(
        @DefaultValue Google google,
        @DefaultValue GitHub github,
        @DefaultValue Auth auth,
        @DefaultValue Session session,
        @DefaultValue("development") String env) {

    boolean mockSignIn() {
        Boolean configured = auth.mockSignIn();
        return configured != null ? configured : "development".equalsIgnoreCase(env.strip());
    }

    /**
     * @param clientId Google OAuth client id; Google is offered only with both it and the secret
     * @param clientSecret Google OAuth client secret
     * @param issuerUri an OpenID Connect issuer that stands in for Google (tests point it at a local OIDC server);
     *     absent means Google itself
     */
    record Google(
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String issuerUri) {

        boolean configured() {
            return present(clientId) && present(clientSecret);
        }
    }

    /**
     * @param clientId GitHub OAuth app client id; GitHub is offered only with both it and the secret
     * @param clientSecret GitHub OAuth app client secret
     */
    record GitHub(@Nullable String clientId, @Nullable String clientSecret) {

        boolean configured() {
            return present(clientId) && present(clientSecret);
        }
    }

    /** @param mockSignIn sign in by picking a name, no provider; unset means on in development only */
    record Auth(@Nullable Boolean mockSignIn) {}

    /**
     * The defaults here are repeated in application.properties, where they feed the servlet container's and
     * Spring Session's own settings; this record validates them and gives the absolute limit to the filter.
     *
     * @param idleTimeout a signed-in session unused this long is gone
     * @param absoluteTimeout a session this old is gone however busy it is; also the cookie's lifetime
     * @param redisNamespace key prefix of sessions in Redis (when Redis is configured)
     */
    record Session(
            @NotNull @DefaultValue("24h") Duration idleTimeout,
            @NotNull @DefaultValue("7d") Duration absoluteTimeout,
            @NotBlank @DefaultValue("oponn:session") String redisNamespace) {}

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
