package dev.oponn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may not go unless private destinations are allowed: Oponn's own network, by any spelling. */
class DestinationsTests {

    private final Destinations strict = new Destinations(new WebhookProperties(false, Duration.ofSeconds(1)));
    private final Destinations permissive = new Destinations(new WebhookProperties(true, Duration.ofSeconds(1)));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://localhost:8080/hook",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.10/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.7/",
                "http://0.0.0.0/",
                "http://[::1]/",
                "http://[fe80::1]/",
                "http://[fd00::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://224.0.0.1/"
            })
    void privateLoopbackAndLinkLocalDestinationsAreRefused(String url) {
        assertThat(strict.refusal(url))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .isEqualTo(
                                "Webhooks are sent only to public addresses: this host resolves to a private, loopback or"
                                        + " link-local one"));
    }

    @Test
    void aPublicAddressIsAccepted() {
        assertThat(strict.refusal("https://93.184.216.34/hooks/oponn")).isEmpty();
        assertThat(strict.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"))
                .isEmpty();
    }

    @Test
    void onlyAbsoluteHttpUrlsWithoutCredentialsAreTaken() {
        assertThat(strict.refusal("ftp://93.184.216.34/")).hasValue("Give an absolute http or https URL");
        assertThat(strict.refusal("/relative")).hasValue("Give an absolute http or https URL");
        assertThat(strict.refusal("https://user:pw@93.184.216.34/"))
                .hasValue("Webhook URLs cannot carry a user name or password");
    }

    @Test
    void allowingPrivateDestinationsLetsLoopbackThrough() {
        assertThat(permissive.refusal("http://127.0.0.1:9/hook")).isEmpty();
    }
}
