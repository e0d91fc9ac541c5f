package dev.oponn.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.api.ApiClient;
import dev.oponn.support.FreshDatabase;
import dev.oponn.support.Instance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A message committed to the outbox survives its instance: the first instance fails to deliver and is stopped, a new
 * one on the same database delivers it, under the same webhook-id and signed with the same secret.
 */
class WebhookRestartTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aMessageCommittedBeforeAStopIsDeliveredByTheNextStartUnderTheSameId() {
        FreshDatabase.Database database = FreshDatabase.create();
        String secret = FreshDatabase.randomSecret();
        String[] settings = {"--oponn.webhooks.allow-private=true", "--oponn.webhooks.retry-delay=1s"};
        AtomicInteger status = new AtomicInteger(503);
        try (Receiver receiver = new Receiver()) {
            receiver.answer(status::get);
            String webhookSecret;
            try (Instance first = Instance.start(database, secret, settings)) {
                ApiClient api = new ApiClient(first.port());
                ApiClient.Created ballot = api.createActive("A", "B");
                ApiClient.Reply registered = api.post(
                        "/api/v1/ballots/" + ballot.id() + "/webhooks",
                        "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"ballot.deleted\"]}",
                        ballot.owner());
                webhookSecret = registered.json().get("secret").asString();
                api.delete("/api/v1/ballots/" + ballot.id(), ballot.owner());
                await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            }
            int failedAttempts = receiver.received().size();
            status.set(204);

            try (Instance second = Instance.start(database, secret, settings)) {
                await().atMost(WAIT).until(() -> receiver.received().size() > failedAttempts);
            }

            List<Receiver.Received> attempts = receiver.received();
            assertThat(attempts)
                    .extracting(Receiver.Received::id)
                    .containsOnly(attempts.getFirst().id());
            assertThat(attempts.getLast().verifiedWith(webhookSecret)).isTrue();
            assertThat(attempts.getLast().body()).contains("\"type\":\"ballot.deleted\"");
        } finally {
            database.drop();
        }
    }
}
