package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

@Controller
class ResultsController {

    private final BallotCatalog catalog;
    private final ResultsService results;

    ResultsController(BallotCatalog catalog, ResultsService results) {
        this.catalog = catalog;
        this.results = results;
    }

    @GetMapping("/results/{id}")
    ModelAndView results(@PathVariable String id, HttpServletRequest request) {
        Ballot ballot = BallotId.parse(id)
                .flatMap(catalog::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Htmx.view(request, "results/results", "results/panel", Map.of("results", results.current(ballot)));
    }
}
