package dev.oponn.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.BallotOption;
import dev.oponn.ballot.ResultsVisibility;
import dev.oponn.ballot.VoteDefences;
import dev.oponn.ballot.VotingMethod;
import dev.oponn.ballot.WhoMayVote;
import dev.oponn.results.tabulation.Ranking;
import dev.oponn.results.tabulation.Scores;
import dev.oponn.web.Localizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What the results page says of a ranked or score count, in words, for the cases that need saying. */
class RankedResultsTests {

    private final Localizer english;

    RankedResultsTests() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setAlwaysUseMessageFormat(true);
        bundles.setFallbackToSystemLocale(false);
        english = new Localizer(bundles, Locale.ENGLISH);
    }

    private static Ballot ballot(VotingMethod method) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new Ballot(
                new BallotId("AAAAAAAAAAAAAAAAAAAAAA"),
                "Which?",
                List.of(
                        new BallotOption(1, "A", false),
                        new BallotOption(2, "B", false),
                        new BallotOption(3, "C", false)),
                false,
                method,
                ResultsVisibility.LIVE,
                now,
                null,
                now,
                VoteDefences.NONE,
                WhoMayVote.ANYONE,
                null);
    }

    @Test
    void theCentreSqueezeIsCalledADisagreement() {
        // B beats both head to head but has the fewest first preferences: instant runoff eliminates it first.
        RankedResults ranked = RankedResults.of(
                ballot(VotingMethod.RANKED),
                Map.of(Ranking.of(1, 2), 35L, Ranking.of(3, 2), 34L, Ranking.of(2, 1), 31L));

        assertThat(ranked.winner()).isEqualTo("A");
        assertThat(ranked.verdictIn(english))
                .isEqualTo("B is the Condorcet winner: it beats every other option head to head. Instant runoff and"
                        + " Schulze disagree: instant runoff elects A, Schulze ranks first B.");
        assertThat(RankedResults.noteIn(ranked.notes().getFirst(), english))
                .isEqualTo("B is eliminated (fewest votes); its ballots go to A 31");
        assertThat(RankedResults.noteIn(ranked.notes().getLast(), english))
                .isEqualTo("A has more than half of the continuing ballots and wins");
    }

    @Test
    void aCycleIsSaidToHaveNoCondorcetWinner() {
        RankedResults ranked = RankedResults.of(
                ballot(VotingMethod.RANKED),
                Map.of(Ranking.of(1, 2, 3), 4L, Ranking.of(2, 3, 1), 3L, Ranking.of(3, 1, 2), 2L));

        assertThat(ranked.verdictIn(english))
                .isEqualTo("There is no Condorcet winner: no option beats every other head to head. Instant runoff"
                        + " and Schulze agree: A.");
        assertThat(ranked.schulzeTiers()).containsExactly(List.of("A"), List.of("B"), List.of("C"));
        assertThat(ranked.pairwise().getFirst().cells().get(1).preferring()).isEqualTo(6);
        assertThat(ranked.pairwise().getFirst().cells().getFirst()).isNull();
    }

    @Test
    void aRankedBallotWithoutBallotsHasNoWinnerAndSaysSo() {
        RankedResults ranked = RankedResults.of(ballot(VotingMethod.RANKED), Map.of());

        assertThat(ranked.winner()).isNull();
        assertThat(ranked.verdictIn(english)).startsWith("There is no Condorcet winner");
    }

    @Test
    void anEvenStarRunoffIsATie() {
        ScoreResults score = ScoreResults.of(
                ballot(VotingMethod.SCORE), Map.of(new Scores(Map.of(1, 5, 2, 1)), 1L, new Scores(Map.of(2, 5)), 1L));

        assertThat(score.winner()).isNull();
        assertThat(english.t(score.runoff())).endsWith("The runoff is a tie.");
        assertThat(score.lines().getFirst().average()).isEqualTo("2.50");
    }
}
