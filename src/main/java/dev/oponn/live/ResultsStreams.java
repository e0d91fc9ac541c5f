package dev.oponn.live;

import dev.oponn.ballot.Ballot;
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
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Opens one live-results stream, for the pages (the panel's HTML) and for the public API (the same frames' JSON
 * form): both join the ballot's one feed, so a change is read and serialised once for every viewer of either kind.
 * Everything that can be refused is refused before the stream opens, with an ordinary status: a client over its
 * stream cap (429), an instance that is full or shutting down (503), both with {@code Retry-After}. A ballot that
 * has ended (and no longer lingers) answers its final tally and closes, or 204 (which tells a client to stop reconnecting) when the client
 * already has it.
 */
@Component
public class ResultsStreams {

    private static final Logger log = LoggerFactory.getLogger(ResultsStreams.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Who watches a JSON stream, as far as the counts' visibility cares (the API decides it once, at connect).
     *
     * @param keys the keys the watcher could vote under (its device's, its account's), for counts shown after a vote
     */
    public record Watcher(boolean owner, Voters.Keys keys, boolean voted) {}

    private final LiveResults live;
    private final StreamAdmission admission;
    private final PanelFrames frames;
    private final LiveMetrics metrics;
    private final LiveProperties properties;
    private final ClientAddresses clients;
    private final Languages languages;

    ResultsStreams(
            LiveResults live,
            StreamAdmission admission,
            PanelFrames frames,
            LiveMetrics metrics,
            LiveProperties properties,
            ClientAddresses clients,
            Languages languages) {
        this.languages = languages;
        this.live = live;
        this.admission = admission;
        this.frames = frames;
        this.metrics = metrics;
        this.properties = properties;
        this.clients = clients;
    }

    /** The public API's stream: {@code event: results} with the tally's JSON, {@code id:} its version. */
    public void serveJson(Ballot ballot, Watcher watcher, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(ballot, new Audience(watcher.owner(), watcher.keys(), watcher.voted()), true, request, response);
    }

    void serve(Ballot ballot, Audience audience, boolean json, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long lastEventId = LastEventId.parse(request.getHeader(LastEventId.HEADER));
        if (live.streamsOver(ballot)) {
            answerFinal(ballot, lastEventId, json, lang(request), response);
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
                open(ballot, audience, json, lastEventId, admitted.ticket(), request, response);
        }
    }

    private void open(
            Ballot ballot,
            Audience audience,
            boolean json,
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
        Viewer viewer = new Viewer(
                ballot.id(), async, out, ticket, live, System.nanoTime(), hangUp, audience, json, lang(request));
        async.addListener(viewer);
        live.attach(ballot, viewer, lastEventId);
        // Else a client that closed the page holds its slot until a heartbeat finds the socket closed.
        hangUp.start(() -> viewer.drop(Viewer.Exit.DISCONNECTED));
    }

    /** The language of the page that listens (the JSON stream has none): its panels are sent in it. */
    private String lang(HttpServletRequest request) {
        return languages.resolveLocale(request).getLanguage();
    }

    private void answerFinal(Ballot ballot, long lastEventId, boolean json, String lang, HttpServletResponse response)
            throws IOException {
        Frame last = frames.last(ballot);
        if (lastEventId == last.version()) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        streamHeaders(response);
        response.getOutputStream().write(last.bytes(json, lang));
        response.getOutputStream().write(Frame.end().bytes(json));
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
