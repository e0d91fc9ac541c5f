package dev.oponn.webhook;

import dev.oponn.ballot.BallotChanged;
import dev.oponn.ballot.BallotDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What ballots do, as webhooks must hear it. A deletion's messages are written by the deleting transaction itself,
 * before the registrations go with the ballot; a close needs no message written here (the sweep finds every end in
 * the database), only the dispatcher woken once the end's grace is over.
 */
@Component
class WebhookListeners {

    private final Outbox outbox;
    private final Messages messages;
    private final WebhookDispatcher dispatcher;

    WebhookListeners(Outbox outbox, Messages messages, WebhookDispatcher dispatcher) {
        this.outbox = outbox;
        this.messages = messages;
        this.dispatcher = dispatcher;
    }

    /** Synchronous, in the deleting transaction: its messages commit, or roll back, with the deletion. */
    @EventListener
    void on(BallotDeleted deleted) {
        String body = messages.deleted(deleted.ballotId());
        for (Outbox.Registration webhook : outbox.registrationsOf(deleted.ballotId())) {
            if (webhook.events().contains(WebhookEvent.BALLOT_DELETED)) {
                outbox.enqueue(messages.newId(), webhook, WebhookEvent.BALLOT_DELETED, body);
            }
        }
        outbox.forget(deleted.ballotId());
    }

    @TransactionalEventListener
    void afterCommit(BallotDeleted deleted) {
        dispatcher.wake();
    }

    /** Published after the close committed. */
    @EventListener
    void on(BallotChanged changed) {
        if (changed.kind() == BallotChanged.Kind.CLOSED) {
            dispatcher.wakeAfterGrace();
        }
    }
}
