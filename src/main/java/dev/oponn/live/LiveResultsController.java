package dev.oponn.live;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOwners;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.results.ResultsAccess;
import dev.oponn.vote.Voters;
import dev.oponn.web.ClientAddresses;
import dev.oponn.web.Languages;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(LiveResultsController.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final BallotCatalog catalog;
    private final LiveResults live;
    private final StreamAdmission admission;
    private final PanelFrames frames;
    private final LiveMetrics metrics;
    private final LiveProperties properties;
    private final ClientAddresses clients;
    private final Languages languages;
    private final ResultsAccess access;
    private final BallotOwners owners;
    private final Voters voters;

    LiveResultsController(
            BallotCatalog catalog,
            LiveResults live,
            StreamAdmission admission,
            PanelFrames frames,
            LiveMetrics metrics,
            LiveProperties properties,
            ClientAddresses clients,
            Languages languages,
            ResultsAccess access,
            BallotOwners owners,
            Voters voters) {
        this.access = access;
        this.owners = owners;
        this.voters = voters;
        this.catalog = catalog;
        this.live = live;
        this.admission = admission;
        this.frames = frames;
        this.metrics = metrics;
        this.properties = properties;
        this.clients = clients;
        this.languages = languages;
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
        long lastEventId = LastEventId.parse(request.getHeader(LastEventId.HEADER));
        if (live.streamsOver(ballot)) {
            answerFinal(ballot, lastEventId, lang(request), response);
            return;
        }
        if ("HEAD".equals(request.getMethod())) {
            streamHeaders(response);
            return;
        }
        if (!live.accepting()) {
            throw refused(response, HttpStatus.SERVICE_UNAVAILABLE, "stopping");
        }
        switch (admission.admit(clients.limitKey(request))) {
            case StreamAdmission.Refused refused
            when refused.reason() == StreamAdmission.Refusal.CLIENT_FULL ->
                throw refused(response, HttpStatus.TOO_MANY_REQUESTS, "client_full");
            case StreamAdmission.Refused refused -> throw refused(response, HttpStatus.SERVICE_UNAVAILABLE, "full");
            case StreamAdmission.Admitted admitted ->
                open(ballot, audience, lastEventId, admitted.ticket(), request, response);
        }
    }

    private void open(
            Ballot ballot,
            Audience audience,
            long lastEventId,
            StreamAdmission.Ticket ticket,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        AsyncContext async;
        ServletOutputStream out;
        try {
            streamHeaders(response);
            // Commits the headers (the security headers included) before the stream turns non-blocking.
            response.flushBuffer();
            async = request.startAsync();
            async.setTimeout(properties.streamTimeout().toMillis());
            out = async.getResponse().getOutputStream();
        } catch (IOException | RuntimeException e) {
            ticket.release();
            throw e;
        }
        HangUpWatch hangUp = HangUpWatch.of(request);
        Viewer viewer =
                new Viewer(ballot.id(), async, out, ticket, live, System.nanoTime(), hangUp, audience, lang(request));
        async.addListener(viewer);
        live.attach(ballot, viewer, lastEventId);
        // Else a client that closed the page holds its slot until a heartbeat finds the socket closed.
        hangUp.start(() -> viewer.drop(Viewer.Exit.DISCONNECTED));
    }

    /** The language of the page that listens: every frame is sent in it. */
    private String lang(HttpServletRequest request) {
        return languages.resolveLocale(request).getLanguage();
    }

    private void answerFinal(Ballot ballot, long lastEventId, String lang, HttpServletResponse response)
            throws IOException {
        Frame last = frames.last(ballot);
        if (lastEventId == last.version()) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        streamHeaders(response);
        response.getOutputStream().write(last.bytes(lang));
        response.getOutputStream().write(Frame.end().bytes());
    }

    private static void streamHeaders(HttpServletResponse response) {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // Tells nginx (and proxies that follow it) not to buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
    }

    private ResponseStatusException refused(HttpServletResponse response, HttpStatus status, String reason) {
        metrics.refused(reason);
        log.atDebug()
                .setMessage("live.stream_refused")
                .addKeyValue("reason", reason)
                .log();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        return new ResponseStatusException(status);
    }
}
