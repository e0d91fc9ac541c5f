package dev.oponn.webhook;

import dev.oponn.ballot.BallotId;
import dev.oponn.web.FieldErrors;
import dev.oponn.web.Text;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Registers a ballot's webhooks. Ownership is the caller's to check. The secret is returned here once; only its
 * sealed form is stored.
 */
@Service
public class Webhooks {

    /** Most webhooks one ballot may have. */
    static final int MAX_PER_BALLOT = 10;

    /** A new webhook as its owner sees it, once. */
    public record Registered(String id, String url, List<String> events, String secret) {}

    private final Outbox outbox;
    private final Destinations destinations;
    private final WebhookSecrets secrets;
    private final Messages messages;

    Webhooks(Outbox outbox, Destinations destinations, WebhookSecrets secrets, Messages messages) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.secrets = secrets;
        this.messages = messages;
    }

    /** @return the registration, or empty with the reasons in {@code errors} (fields {@code url}, {@code events}) */
    public Optional<Registered> register(
            BallotId ballot, @Nullable String url, @Nullable List<String> events, FieldErrors errors) {
        if (url == null || url.isBlank()) {
            errors.reject("url", Text.of("webhook.url_required"));
        } else {
            destinations.refusal(url).ifPresent(reason -> errors.reject("url", Text.of("webhook.refused", reason)));
        }
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        if (events == null || events.isEmpty()) {
            errors.reject("events", Text.of("webhook.events_required"));
        } else {
            for (String type : events) {
                Optional<WebhookEvent> event = type == null ? Optional.empty() : WebhookEvent.parse(type.strip());
                if (event.isEmpty()) {
                    errors.reject("events", Text.of("webhook.events_invalid"));
                } else {
                    chosen.add(event.get());
                }
            }
        }
        if (!errors.any() && outbox.countFor(ballot) >= MAX_PER_BALLOT) {
            errors.reject("url", Text.of("webhook.too_many", String.valueOf(MAX_PER_BALLOT)));
        }
        if (errors.any() || url == null) {
            return Optional.empty();
        }
        byte[] key = secrets.newKey();
        String id = "wh_" + messages.newId().substring(4);
        outbox.register(new Outbox.Registration(id, ballot, url.strip(), chosen, secrets.seal(key)));
        return Optional.of(new Registered(
                id, url.strip(), chosen.stream().map(WebhookEvent::type).toList(), WebhookSecrets.shown(key)));
    }
}
