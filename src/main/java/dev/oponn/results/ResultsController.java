package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /results/{id}}: the counts, or, for a requester from whom they are hidden, only when they will show;
 * the tally is then not even read.
 */
@Controller
class ResultsController {

    private final BallotCatalog catalog;
    private final ResultsService results;
    private final ResultsAccess access;
    private final Clock clock;

    ResultsController(BallotCatalog catalog, ResultsService results, ResultsAccess access, Clock clock) {
        this.catalog = catalog;
        this.results = results;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/results/{id}")
    ModelAndView results(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = BallotId.parse(id)
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!access.seesCounts(ballot, request)) {
            return Htmx.view(
                    request,
                    "results/results",
                    "results/hidden",
                    Map.of("ballot", ballot, "hidden", HiddenResults.of(ballot, clock.instant())));
        }
        Results current = results.current(ballot);
        return Htmx.view(
                request, "results/results", "results/panel", Map.of("ballot", current.ballot(), "results", current));
    }
}
