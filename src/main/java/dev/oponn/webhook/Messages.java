package dev.oponn.webhook;

import dev.oponn.ballot.BallotId;
import dev.oponn.results.ResultsDocument;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies of the three messages, in the Standard Webhooks shape {@code {type, timestamp, data}}. They name the
 * ballot by id and carry counts by option id, never its text: the receiver reads the labels from the API while the
 * ballot exists, and a deleted ballot's message needs nothing its destroyed key protected.
 */
@Component
class Messages {

    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Messages(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** A new message id ({@code webhook-id}), the same on every attempt. */
    String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String deleted(BallotId ballot) {
        return body(WebhookEvent.BALLOT_DELETED, Map.of("ballot_id", ballot.value()));
    }

    String closed(BallotId ballot, Instant endedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ballot_id", ballot.value());
        data.put("ended_at", endedAt.toString());
        return body(WebhookEvent.BALLOT_CLOSED, data);
    }

    /**
     * The final tally as the API's results document has it, without the labels: votes per option id, and for ranked
     * ballots the rounds and winner, for score ballots the stars, all by option id.
     */
    String finalResults(ResultsDocument results, Instant endedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ballot_id", results.ballotId());
        data.put("ended_at", endedAt.toString());
        data.put("voting_method", results.votingMethod());
        data.put("tally_version", results.tallyVersion());
        data.put("total_votes", results.totalVotes());
        data.put(
                "options",
                results.options().stream()
                        .map(o -> Map.<String, Object>of("id", o.id(), "votes", o.votes()))
                        .toList());
        if (results.rounds() != null) {
            data.put("rounds", results.rounds());
        }
        if (results.winner() != null) {
            data.put("winner", results.winner());
        }
        if (results.stars() != null) {
            data.put("stars", results.stars());
        }
        return body(WebhookEvent.RESULTS_FINAL, data);
    }

    private String body(WebhookEvent event, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("timestamp", clock.instant().toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
