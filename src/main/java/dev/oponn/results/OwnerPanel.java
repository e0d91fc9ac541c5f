package dev.oponn.results;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.OwnerResults;
import dev.oponn.web.Localizer;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The manage page's counts: read when the page is built, then kept current by the owner's own stream. */
@Component
class OwnerPanel implements OwnerResults {

    private final ResultsService results;
    private final TemplateEngine templates;

    OwnerPanel(ResultsService results, TemplateEngine templates) {
        this.results = results;
        this.templates = templates;
    }

    @Override
    public Content panel(Ballot ballot, String streamPath, Localizer localizer) {
        Results current = results.current(ballot);
        return output -> templates.render(
                "results/owner_panel.jte",
                Map.of("results", current, "streamPath", streamPath, "t", localizer),
                output);
    }
}
