package dev.oponn.webhook;

import java.util.Optional;

/** What a webhook can be sent, by its Standard Webhooks {@code type}. */
public enum WebhookEvent {
    BALLOT_CLOSED("ballot.closed"),
    BALLOT_DELETED("ballot.deleted"),
    RESULTS_FINAL("results.final");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEvent> parse(String type) {
        for (WebhookEvent event : values()) {
            if (event.type.equals(type)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
