package dev.oponn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each provider's attributes become an identity; GitHub cannot be driven end to end in tests. */
class ProviderIdentitiesTests {

    @Test
    void openIdConnectClaimsGiveSubjectEmailVerificationAndName() {
        ProviderIdentity identity = ProviderIdentities.from(
                "google", Map.of("sub", "1234", "email", "a@example.org", "email_verified", true, "name", "Ann"));
        assertThat(identity).isEqualTo(new ProviderIdentity("google", "1234", "a@example.org", true, "Ann"));
    }

    @Test
    void anEmailThatTheProviderDoesNotVouchForIsNotVerified() {
        assertThat(ProviderIdentities.from("google", Map.of("sub", "1", "email", "a@example.org"))
                        .emailVerified())
                .isFalse();
        assertThat(ProviderIdentities.from(
                                "google", Map.of("sub", "1", "email", "a@example.org", "email_verified", "false"))
                        .emailVerified())
                .isFalse();
    }

    @Test
    void githubUsesTheNumericIdNotTheRenameableLogin() {
        Map<String, Object> user = new HashMap<>();
        user.put("id", 583231);
        user.put("login", "octocat");
        user.put("name", null);
        user.put("email", "octocat@github.com");
        ProviderIdentity identity = ProviderIdentities.from("github", user);
        assertThat(identity).isEqualTo(new ProviderIdentity("github", "583231", "octocat@github.com", true, "octocat"));
    }

    @Test
    void githubUserWithAPrivateEmailSignsInWithoutOne() {
        ProviderIdentity identity = ProviderIdentities.from("github", Map.of("id", 7, "login", "quiet"));
        assertThat(identity.email()).isNull();
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void anIdentityWithoutASubjectIsRefused() {
        assertThatThrownBy(() -> ProviderIdentities.from("google", Map.of("email", "a@example.org")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longNamesAreShortenedToSixtyFourCharacters() {
        String name = ProviderIdentities.from("google", Map.of("sub", "1", "name", "n".repeat(300)))
                .name();
        assertThat(name).hasSize(64);
    }
}
