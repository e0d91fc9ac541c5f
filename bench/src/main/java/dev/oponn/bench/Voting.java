package dev.oponn.bench;

import java.io.IOException;

/** Sends one vote and books its outcome in the ledger. */
final class Voting {

    private Voting() {}

    static Work.Outcome vote(HttpConnection connection, Device device, String ballot, int option, VoteLedger ledger) {
        HttpResponse response;
        try {
            response = connection.exchange(Site.voteRequest(device, ballot, option));
        } catch (IOException e) {
            // No answer: the vote may have been committed; the correctness check allows for it either way.
            ledger.unknownOutcome(ballot, option);
            return Work.Outcome.other("io_error");
        }
        device.remember(response);
        if (Site.voteAcknowledged(response)) {
            ledger.acknowledged(ballot, option);
            return Work.Outcome.ACK;
        }
        if (response.status() >= 500) {
            // A server error may come after the commit, so it is not proof that nothing was written.
            ledger.unknownOutcome(ballot, option);
        }
        return Work.Outcome.other("status_" + response.status());
    }
}
