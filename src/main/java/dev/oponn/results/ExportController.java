package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOwners;
import dev.oponn.web.Languages;
import dev.oponn.web.ProblemDocument;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /results/{id}/export.csv} and {@code .json}: the tally as a file, for whoever may see the counts (the
 * owner always, from the manage page). Hidden counts answer 403: the usual error page for the CSV, a problem
 * document for the JSON. Neither is cached anywhere: the counts go on changing. A guest owner is known only by the
 * manage key, so their manage page links to the same files under its own address,
 * {@code /manage/{id}/{key}/export.csv}, which a wrong key answers with the manage page's 404.
 */
@Controller
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final BallotCatalog catalog;
    private final ResultsService results;
    private final ResultsAccess access;
    private final BallotOwners owners;
    private final Clock clock;

    private final Languages languages;

    ExportController(
            BallotCatalog catalog,
            ResultsService results,
            ResultsAccess access,
            BallotOwners owners,
            Clock clock,
            Languages languages) {
        this.languages = languages;
        this.catalog = catalog;
        this.results = results;
        this.access = access;
        this.owners = owners;
        this.clock = clock;
    }

    @GetMapping("/results/{id}/export.csv")
    ResponseEntity<String> csv(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = find(id);
        if (!access.seesCounts(ballot, request)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return csv(ballot);
    }

    @GetMapping("/manage/{id}/{key}/export.csv")
    ResponseEntity<String> guestOwnerCsv(@PathVariable String id, @PathVariable String key) {
        return csv(ownedThrough(id, key));
    }

    @GetMapping("/manage/{id}/{key}/export.json")
    ResponseEntity<?> guestOwnerJson(@PathVariable String id, @PathVariable String key) {
        return json(ownedThrough(id, key));
    }

    private ResponseEntity<String> csv(Ballot ballot) {
        return ResponseEntity.ok()
                .headers(download(ballot, "csv"))
                .contentType(CSV)
                .body(read(ballot).csv());
    }

    private ResponseEntity<?> json(Ballot ballot) {
        return ResponseEntity.ok()
                .headers(download(ballot, "json"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(read(ballot));
    }

    @GetMapping("/results/{id}/export.json")
    ResponseEntity<?> json(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = find(id);
        if (!access.seesCounts(ballot, request)) {
            // web's problem document, its detail saying when the counts will show (nothing from the request).
            ProblemDocument standard = ProblemDocument.of(HttpStatus.FORBIDDEN);
            ProblemDocument hidden = new ProblemDocument(
                    standard.type(),
                    standard.title(),
                    standard.status(),
                    languages.localizer(request).t(ballot.resultsVisibility().hiddenNotice()));
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(ProblemDocument.MEDIA_TYPE)
                    .body(hidden.fields());
        }
        return json(ballot);
    }

    private Ballot find(String id) {
        return BallotId.parse(id)
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Ballot ownedThrough(String id, String key) {
        return BallotId.parse(id)
                .filter(ballotId -> owners.opens(ballotId, key))
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ResultsExport read(Ballot ballot) {
        Instant readAt = clock.instant();
        return ResultsExport.of(results.current(ballot), readAt);
    }

    private static HttpHeaders download(Ballot ballot, String extension) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("oponn-results-" + ballot.id().value() + "." + extension)
                .build());
        headers.setCacheControl("no-store");
        return headers;
    }
}
