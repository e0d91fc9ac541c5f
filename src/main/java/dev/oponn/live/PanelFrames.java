package dev.oponn.live;

import dev.oponn.ballot.Ballot;
import dev.oponn.results.HiddenResults;
import dev.oponn.results.Results;
import dev.oponn.results.ResultsDocument;
import dev.oponn.results.ResultsService;
import dev.oponn.web.Languages;
import dev.oponn.web.Localizer;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final String DELETED = "results/deleted.jte";

    private final ResultsService results;
    private final TemplateEngine templates;
    private final LiveMetrics metrics;
    private final Clock clock;
    private final JsonMapper json;
    private final List<Localizer> languages;

    PanelFrames(
            ResultsService results,
            TemplateEngine templates,
            LiveMetrics metrics,
            Clock clock,
            JsonMapper json,
            Languages languages) {
        this.languages =
                Languages.supported().stream().map(languages::localizer).toList();
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
        return Frame.hidden(
                inEveryLanguage(HIDDEN, Map.of("hidden", HiddenResults.of(ballot, clock.instant()))),
                json.writeValueAsString(ResultsDocument.Hidden.of(ballot, clock.instant())));
    }

    /** What a deleted ballot's viewers are left with, on the event that ends their streams. */
    Frame deleted() {
        return Frame.deleted(inEveryLanguage(DELETED, Map.of()));
    }

    /** The public API's document of the same tally, for the JSON stream: serialised once, like the panel. */
    private String json(Results tally) {
        return json.writeValueAsString(ResultsDocument.of(tally, clock.instant()));
    }

    private Map<String, String> render(Results tally) {
        return inEveryLanguage(PANEL, Map.of("results", tally));
    }

    /**
     * One render per language Oponn speaks, English first: a viewer is sent the panel in its page's language. Four
     * small renders of the one tally read; the fan-out still shares each language's bytes among its viewers.
     */
    private Map<String, String> inEveryLanguage(String template, Map<String, Object> model) {
        Map<String, String> html = new LinkedHashMap<>();
        for (Localizer localizer : languages) {
            Map<String, Object> params = new HashMap<>(model);
            params.put("t", localizer);
            StringOutput out = new StringOutput();
            templates.render(template, params, out);
            html.put(localizer.lang(), out.toString());
        }
        metrics.rendered();
        return html;
    }
}
