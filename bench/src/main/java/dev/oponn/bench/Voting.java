package dev.oponn.bench;

import java.io.IOException;
import java.util.List;

/** Sends one vote and books its outcome in the ledger. */
final class Voting {

    private Voting() {}

    static Work.Outcome vote(HttpConnection connection, Device device, String ballot, int option, VoteLedger ledger) {
        return cast(connection, device, ballot, Site.voteRequest(device, ballot, option), List.of(option), ledger);
    }

    /**
     * @param counted what the ledger books the vote under: its options (multiple choice counts each), or the key
     *     of its ballot content (ranked)
     */
    static Work.Outcome cast(
            HttpConnection connection,
            Device device,
            String ballot,
            HttpRequest request,
            List<Integer> counted,
            VoteLedger ledger) {
        HttpResponse response;
        try {
            response = connection.exchange(request);
        } catch (IOException e) {
            // No answer: the vote may have been committed; the correctness check allows for it either way.
            counted.forEach(key -> ledger.unknownOutcome(ballot, key));
            return Work.Outcome.other("io_error");
        }
        device.remember(response);
        if (Site.voteAcknowledged(response)) {
            counted.forEach(key -> ledger.acknowledged(ballot, key));
            return Work.Outcome.ACK;
        }
        if (response.status() >= 500) {
            // A server error may come after the commit, so it is not proof that nothing was written.
            counted.forEach(key -> ledger.unknownOutcome(ballot, key));
        }
        return Work.Outcome.other("status_" + response.status());
    }
}
