package dev.oponn.live;

import dev.oponn.ballot.Ballot;
import dev.oponn.results.HiddenResults;
import dev.oponn.results.Results;
import dev.oponn.results.ResultsDocument;
import dev.oponn.results.ResultsService;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a ballot's tally and renders the results panel into a {@link Frame}: the same fragment and template the
 * results page shows, so the page and the stream can never disagree on markup. This is the live path's only
 * database read and only render; everything downstream shares its bytes.
 */
@Component
class PanelFrames {

    private static final String PANEL = "results/panel.jte";
    private static final String HIDDEN = "results/hidden.jte";

    private final ResultsService results;
    private final TemplateEngine templates;
    private final LiveMetrics metrics;
    private final Clock clock;
    private final JsonMapper json;

    PanelFrames(ResultsService results, TemplateEngine templates, LiveMetrics metrics, Clock clock, JsonMapper json) {
        this.json = json;
        this.clock = clock;
        this.results = results;
        this.templates = templates;
        this.metrics = metrics;
    }

    Frame current(Ballot ballot, long committedAtMillis) {
        Results tally = results.current(ballot);
        return Frame.update(tally.version(), render(tally), json(tally), committedAtMillis);
    }

    Frame last(Ballot ballot) {
        Results tally = results.current(ballot);
        return Frame.finalUpdate(tally.version(), render(tally), json(tally));
    }

    /** The panel that says when the counts will show: rendered from the ballot alone, no tally read. */
    Frame hidden(Ballot ballot) {
        StringOutput html = new StringOutput();
        templates.render(HIDDEN, Map.of("hidden", HiddenResults.of(ballot, clock.instant())), html);
        metrics.rendered();
        return Frame.hidden(
                html.toString(), json.writeValueAsString(ResultsDocument.Hidden.of(ballot, clock.instant())));
    }

    /** The public API's document of the same tally, for the JSON stream: serialised once, like the panel. */
    private String json(Results tally) {
        return json.writeValueAsString(ResultsDocument.of(tally, clock.instant()));
    }

    private String render(Results tally) {
        StringOutput html = new StringOutput();
        templates.render(PANEL, Map.of("results", tally), html);
        metrics.rendered();
        return html.toString();
    }
}
