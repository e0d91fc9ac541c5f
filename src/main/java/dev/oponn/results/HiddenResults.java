package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.web.Text;
import java.time.Instant;

/**
 * The results panel of a requester from whom the counts are hidden: the ballot's status and when the counts will
 * show, and nothing that grows with votes.
 *
 * @param visibility the setting's form value, for tests and styling ({@code data-hidden})
 */
public record HiddenResults(Ballot ballot, String visibility, Text notice, Text statusLine) {

    public static HiddenResults of(Ballot ballot, Instant now) {
        return new HiddenResults(
                ballot,
                ballot.resultsVisibility().value(),
                ballot.resultsVisibility().hiddenNotice(),
                ballot.statusLine(now));
    }
}
