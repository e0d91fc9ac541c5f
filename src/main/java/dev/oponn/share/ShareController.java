package dev.oponn.share;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotPage;
import dev.oponn.results.HiddenResults;
import dev.oponn.results.ResultsAccess;
import dev.oponn.results.ResultsService;
import dev.oponn.share.internal.PresentView;
import dev.oponn.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

@Controller
class ShareController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final BallotCatalog catalog;
    private final BallotPage pages;
    private final PublicUrls urls;
    private final QrCodes qr;
    private final ResultsAccess access;
    private final ResultsService results;
    private final Clock clock;

    ShareController(
            BallotCatalog catalog,
            BallotPage pages,
            PublicUrls urls,
            QrCodes qr,
            ResultsAccess access,
            ResultsService results,
            Clock clock) {
        this.catalog = catalog;
        this.pages = pages;
        this.urls = urls;
        this.qr = qr;
        this.access = access;
        this.results = results;
        this.clock = clock;
    }

    /** The vote link never changes, so the code may be cached; it carries no count. */
    @GetMapping("/ballots/{id}/qr.svg")
    ResponseEntity<String> qr(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = find(id);
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(qr.svg(voteLink(ballot, request)));
    }

    @GetMapping("/present/{id}")
    ModelAndView present(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = find(id);
        String link = voteLink(ballot, request);
        String shortLink = link.replaceFirst("^https?://", "");
        PresentView view = access.seesCounts(ballot, request)
                ? new PresentView(ballot, link, shortLink, results.current(ballot), null)
                : new PresentView(ballot, link, shortLink, null, HiddenResults.of(ballot, clock.instant()));
        return new ModelAndView("share/present", Map.of("present", view));
    }

    private String voteLink(Ballot ballot, HttpServletRequest request) {
        return urls.absolute(pages.pathOf(ballot.id()), request);
    }

    private Ballot find(String id) {
        return BallotId.parse(id)
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
