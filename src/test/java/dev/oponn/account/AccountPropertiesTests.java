package dev.oponn.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AccountPropertiesTests {

    @Test
    void mockSignInIsOnByDefaultOnlyInDevelopment() {
        assertThat(properties(null, "development").mockSignIn()).isTrue();
        assertThat(properties(null, "production").mockSignIn()).isFalse();
        assertThat(properties(null, "staging").mockSignIn()).isFalse();
        assertThat(properties(null, "testing").mockSignIn()).isFalse();
    }

    @Test
    void anExplicitSettingWinsInAnyEnvironment() {
        assertThat(properties(false, "development").mockSignIn()).isFalse();
        assertThat(properties(true, "testing").mockSignIn()).isTrue();
    }

    @Test
    void aProviderNeedsBothClientIdAndSecret() {
        assertThat(new AccountProperties.Google("id", "secret", null).configured())
                .isTrue();
        assertThat(new AccountProperties.Google("id", " ", null).configured()).isFalse();
        assertThat(new AccountProperties.GitHub(null, "secret").configured()).isFalse();
    }

    private static AccountProperties properties(@Nullable Boolean mock, String env) {
        return new AccountProperties(
                new AccountProperties.Google(null, null, null),
                new AccountProperties.GitHub(null, null),
                new AccountProperties.Auth(mock),
                new AccountProperties.Session(Duration.ofHours(24), Duration.ofDays(7), "oponn:session"),
                env);
    }
}
