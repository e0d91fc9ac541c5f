package dev.oponn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** Which providers are offered, and that each comes back to the reference callback route. */
class SignInProvidersTests {

    @Test
    void noCredentialsMeansNoProviders() {
        SignInProviders providers = SignInProviders.from(properties(null, null));
        assertThat(providers).isEmpty();
        assertThat(providers.findByRegistrationId("google")).isNull();
        assertThat(providers.offers("github")).isFalse();
    }

    @Test
    void googleAndGithubComeBackToTheirCallbackRoutes() {
        SignInProviders providers = SignInProviders.from(properties("g-id", "gh-id"));

        ClientRegistration google = providers.findByRegistrationId("google");
        assertThat(google.getClientId()).isEqualTo("g-id");
        assertThat(google.getRedirectUri()).isEqualTo("{baseUrl}/auth/callback/{registrationId}");
        assertThat(google.getScopes()).contains("openid", "email");
        assertThat(google.getProviderDetails().getIssuerUri()).isEqualTo("https://accounts.google.com");

        ClientRegistration github = providers.findByRegistrationId("github");
        assertThat(github.getClientId()).isEqualTo("gh-id");
        assertThat(github.getRedirectUri()).isEqualTo("{baseUrl}/auth/callback/{registrationId}");
        assertThat(github.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo("https://api.github.com/user");
    }

    private static AccountProperties properties(String googleId, String githubId) {
        return new AccountProperties(
                new AccountProperties.Google(googleId, googleId == null ? null : "g-secret", null),
                new AccountProperties.GitHub(githubId, githubId == null ? null : "gh-secret"),
                new AccountProperties.Auth(null),
                new AccountProperties.Session(Duration.ofHours(24), Duration.ofDays(7), "oponn:session"),
                "development");
    }
}
