package dev.oponn.live;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOwners;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.results.ResultsAccess;
import dev.oponn.vote.Voters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /ballots/{id}/live-results}: the results panel as Server-Sent Events. Everything that can be refused
 * is refused before the stream opens, with an ordinary status and error page: an unknown ballot (404), a client
 * over its stream cap (429), an instance that is full or shutting down (503). A ballot that has ended answers its
 * final tally and closes, or 204 (which tells a browser to stop reconnecting) when the client already has it.
 */
@Controller
class LiveResultsController {

    private final BallotCatalog catalog;
    private final ResultsStreams streams;
    private final ResultsAccess access;
    private final BallotOwners owners;
    private final Voters voters;

    LiveResultsController(
            BallotCatalog catalog, ResultsStreams streams, ResultsAccess access, BallotOwners owners, Voters voters) {
        this.access = access;
        this.owners = owners;
        this.voters = voters;
        this.catalog = catalog;
        this.streams = streams;
    }

    @GetMapping("/ballots/{id}/live-results")
    void stream(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Ballot ballot = BallotId.parse(id)
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        stream(ballot, audience(ballot, request), request, response);
    }

    /** The signed-in owner's manage page listens here: counts whatever the visibility. Anyone else: 404. */
    @GetMapping("/manage/{id}/live-results")
    void ownerStream(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Ballot ballot = BallotId.parse(id)
                .filter(ballotId -> owners.ownedBy(ballotId, ResultsAccess.signedIn()))
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        stream(ballot, Audience.OWNER, request, response);
    }

    /** A guest owner's manage page listens here, with the manage key in the path as on the page itself. */
    @GetMapping("/manage/{id}/{key}/live-results")
    void guestOwnerStream(
            @PathVariable String id, @PathVariable String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Ballot ballot = BallotId.parse(id)
                .filter(ballotId -> owners.opens(ballotId, key))
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        stream(ballot, Audience.OWNER, request, response);
    }

    /**
     * What the counts' visibility needs to know of this viewer, asked once at connect: whether it is the owner, the
     * keys it could vote under, and, only while the counts are shown after a vote, whether it has voted. The keys and
     * ownership are kept even while everyone sees the counts, since the owner may hide them while the stream is open.
     */
    private Audience audience(Ballot ballot, HttpServletRequest request) {
        if (owners.ownedBy(ballot.id(), ResultsAccess.signedIn())) {
            return Audience.OWNER;
        }
        Voters.Keys keys = voters.keysOf(ballot.id(), request);
        Voters.VoterKey voter = keys.under(ballot.whoMayVote());
        boolean voted = !access.visibleToAll(ballot)
                && ballot.resultsVisibility() == ResultsVisibility.AFTER_VOTE
                && voter != null
                && voters.hasVoted(ballot.id(), voter);
        return new Audience(false, keys, voted);
    }

    private void stream(Ballot ballot, Audience audience, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        streams.serve(ballot, audience, false, request, response);
    }
}
