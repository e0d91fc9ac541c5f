package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelTallyTests {

    /** The shape results/panel.jte renders (leader marked, extra classes, attributes in its order). */
    static final String PANEL = """
            <section id="results-panel" class="panel results" data-version="5">
              <p class="status">voting open · <span class="total">5</span> votes</p>
              <ol class="bars">
                  <li class="bar-row leader" data-option-id="1">
                    <span class="label"><span class="mark">*</span> alpha</span>
                    <span class="bar" aria-hidden="true">████████████░░░░░░░░</span>
                    <span class="count" data-count>3</span>
                    <span class="pct">60%</span>
                  </li>
                  <li class="bar-row " data-option-id="2">
                    <span class="label">beta &lt;b&gt; 12</span>
                    <span class="bar" aria-hidden="true">████████░░░░░░░░░░░░</span>
                    <span class="count" data-count>2</span>
                    <span class="pct">40%</span>
                  </li>
                  <li class="bar-row " data-option-id="3">
                    <span class="label">gamma</span>
                    <span class="bar" aria-hidden="true">░░░░░░░░░░░░░░░░░░░░</span>
                    <span class="count" data-count>0</span>
                    <span class="pct">0%</span>
                  </li>
              </ol>
            </section>""";

    @Test
    void readsVersionAndTheCountOfEveryOption() {
        PanelTally tally = PanelTally.parse(PANEL).orElseThrow();

        assertThat(tally.version()).isEqualTo(5);
        assertThat(tally.counts()).isEqualTo(Map.of(1, 3L, 2, 2L, 3, 0L));
        assertThat(tally.total()).isEqualTo(5);
    }

    @Test
    void matchesTheDatabaseTallyWhereOptionsWithoutVotesHaveNoRow() {
        PanelTally tally = PanelTally.parse(PANEL).orElseThrow();

        assertThat(tally.matches(Map.of(1, 3L, 2, 2L))).isTrue();
        assertThat(tally.matches(Map.of(1, 3L, 2, 3L))).isFalse();
        assertThat(tally.matches(Map.of(1, 2L, 2, 2L, 3, 1L))).isFalse();
    }

    @Test
    void aStaleVersionDoesNotMatchEvenIfCountsWereEdited() {
        String stale = PANEL.replace("data-version=\"5\"", "data-version=\"4\"");

        assertThat(PanelTally.parse(stale).orElseThrow().matches(Map.of(1, 3L, 2, 2L)))
                .isFalse();
    }

    @Test
    void somethingThatIsNotAPanelIsNotATally() {
        assertThat(PanelTally.parse("<p>oops</p>")).isEmpty();
    }
}
