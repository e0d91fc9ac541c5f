package dev.oponn.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.api.ApiClient;
import dev.oponn.support.OponnTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the default settings a webhook cannot point into Oponn's own network. */
@OponnTest
class WebhookDestinationTests {

    @LocalServerPort
    int port;

    @Test
    void registeringALoopbackOrMetadataAddressIs422AndRegistersNothing() {
        ApiClient api = new ApiClient(port);
        ApiClient.Created ballot = api.createActive("A", "B");
        String path = "/api/v1/ballots/" + ballot.id() + "/webhooks";

        for (String url :
                new String[] {"http://127.0.0.1:" + port + "/", "http://169.254.169.254/", "http://localhost/"}) {
            ApiClient.Reply refused =
                    api.post(path, "{\"url\":\"" + url + "\",\"events\":[\"ballot.closed\"]}", ballot.owner());

            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.json().get("errors").get("url").asString())
                    .startsWith("Webhooks are sent only to public addresses");
        }
    }
}
