package dev.oponn.results.tabulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.results.tabulation.InstantRunoffResult.Decision;
import dev.oponn.results.tabulation.InstantRunoffResult.Round;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Oponn's instant runoff against RCTab, the tabulator US election offices use: eight of its single-winner test cases
 * (read from {@code ../shared/conformance/rctab}, never copied here), each ballot made a clean ranking by the case's
 * rules ({@link PaperBallotAdapter}), then every round compared: the tally of every continuing candidate, the
 * threshold, who was eliminated and where their ballots went, the inactive ballots, and the winner.
 *
 * <p>Where the cases' rules differ from Oponn's own, the difference is a tabulator option switched on here:
 * <ul>
 *   <li>{@code batch_example} and {@code generic_csv_test} set {@code batchElimination}: eliminated as RCTab does,
 *       every candidate of the lowest group whose combined votes are fewer than the next candidate's, when that is
 *       more than one ({@link InstantRunoff.Rules#withBatchElimination()}). Oponn's contests eliminate one at a time.
 *   <li>RCTab always eliminates the undeclared write-ins first in round 1 when they hold votes (in
 *       {@code generic_csv_test} with 6 votes, more than Broccoli's 3): {@link InstantRunoff.Rules#droppingFirst}.
 *       Oponn has no undeclared write-in.
 *   <li>Blank ballots are RCTab's {@code undervotes}: outside every round and not inactive; they are left out here
 *       and their number checked against the summary. Oponn stores no empty ranked ballot.
 * </ul>
 *
 * <p>{@code tiebreakMode} is {@code random} (seed 0) in seven cases and {@code useCandidateOrder} in one; no round of
 * any case needed it: every elimination is asserted to be a strict fewest (or a batch, or the write-in drop), so
 * neither RCTab's random draw nor Oponn's tie rules (earlier rounds, then the ballot-id order) decided anything.
 *
 * <p>RCTab reports inactive ballots by cause (exhausted choices, overvotes, skipped and repeated rankings); the
 * tabulator sees clean rankings, so the sum of those causes is compared with its exhausted count, and each cause
 * separately with the adapter's reasons for cutting ballots short ({@link #inactiveCauses}).
 */
class InstantRunoffConformanceTests {

    static final Set<Decision> DECIDED_WITHOUT_A_TIE =
            Set.of(Decision.FEWEST_VOTES, Decision.BATCH, Decision.DROPPED_FIRST);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aliases_cdf_json",
                "batch_example",
                "generic_csv_test",
                "test_set_0_skipped_first_choice",
                "test_set_1_exhaust_at_overvote",
                "test_set_2_overvote_skip_to_next",
                "test_set_3_skipped_choice_exhaust",
                "test_set_4_skipped_choice_next"
            })
    void countsEveryRoundAsRctabDoes(String name) {
        RctabCase rctab = RctabCase.load(conformanceFolder(), name);
        var adapter = new PaperBallotAdapter(
                rctab.textRule("overvoteRule").equals("exhaustImmediately"),
                rctab.intRule("maxSkippedRanksAllowed"),
                rctab.intRule("maxRankingsAllowed"),
                rctab.flagRule("exhaustOnDuplicateCandidate"));
        assertThat(rctab.textRule("winnerElectionMode")).isEqualTo("singleWinnerMajority");

        List<String> names = new ArrayList<>(rctab.candidates());
        boolean writeIns = rctab.ballots().stream()
                .anyMatch(b -> b.marks().values().stream().anyMatch(c -> c.contains(RctabCase.UNDECLARED_WRITE_INS)));
        if (writeIns) {
            names.add(RctabCase.UNDECLARED_WRITE_INS);
        }
        Map<String, Integer> idOf = new HashMap<>();
        names.forEach(n -> idOf.put(n, idOf.size()));
        List<Integer> options = names.stream().map(idOf::get).toList();

        Map<Ranking, Long> ballots = new LinkedHashMap<>();
        List<PaperBallotAdapter.Clean> cleaned = new ArrayList<>();
        long blank = 0;
        for (PaperBallot paper : rctab.ballots()) {
            if (paper.isBlank()) {
                blank++;
                continue;
            }
            var clean = adapter.clean(paper);
            cleaned.add(clean);
            ballots.merge(new Ranking(clean.ranking().stream().map(idOf::get).toList()), 1L, Long::sum);
        }
        JsonNode summary = rctab.report().path("summary");
        assertThat((long) rctab.ballots().size()).isEqualTo(number(summary.path("totalNumBallots")));
        assertThat(blank).as("blank ballots (undervotes)").isEqualTo(number(summary.path("undervotes")));

        var rules = InstantRunoff.Rules.of(new TieBreakOrder(options));
        if (rctab.flagRule("batchElimination")) {
            rules = rules.withBatchElimination();
        }
        if (writeIns) {
            rules = rules.droppingFirst(Set.of(idOf.get(RctabCase.UNDECLARED_WRITE_INS)));
        }
        InstantRunoffResult result = InstantRunoff.tabulate(options, ballots, rules);

        List<JsonNode> expectedRounds = new ArrayList<>();
        rctab.report().path("results").forEach(expectedRounds::add);
        assertThat(result.rounds()).as("rounds").hasSize(expectedRounds.size());
        for (int r = 0; r < expectedRounds.size(); r++) {
            assertRound(expectedRounds.get(r), result.rounds().get(r), names);
            assertThat(inactiveCauses(cleaned, result, r + 1, idOf))
                    .as("round %d inactive ballots by cause", r + 1)
                    .isEqualTo(expectedCauses(expectedRounds.get(r)));
        }
        String elected = expectedRounds
                .getLast()
                .path("tallyResults")
                .path(0)
                .path("elected")
                .asString();
        assertThat(result.winner()).as("winner").hasValue(idOf.get(elected));
    }

    private static void assertRound(JsonNode expected, Round actual, List<String> names) {
        String round = "round " + expected.path("round").asInt();
        Map<String, Long> expectedTally = new TreeMap<>();
        expected.path("tally").properties().forEach(e -> expectedTally.put(e.getKey(), number(e.getValue())));
        Map<String, Long> actualTally = new TreeMap<>();
        actual.tally().forEach((option, votes) -> actualTally.put(names.get(option), votes));
        assertThat(actualTally).as(round + " tally").isEqualTo(expectedTally);
        assertThat(actual.threshold()).as(round + " threshold").isEqualTo(number(expected.path("threshold")));

        long inactive = 0;
        for (JsonNode cause : expected.path("inactiveBallots")) {
            inactive += number(cause);
        }
        assertThat(actual.exhaustedTotal()).as(round + " inactive ballots").isEqualTo(inactive);

        Map<String, Map<String, Long>> expectedTransfers = new TreeMap<>();
        for (JsonNode result : expected.path("tallyResults")) {
            if (result.has("eliminated")) {
                Map<String, Long> to = new TreeMap<>();
                result.path("transfers").properties().forEach(e -> to.put(e.getKey(), number(e.getValue())));
                expectedTransfers.put(result.path("eliminated").asString(), to);
            }
        }
        Map<String, Map<String, Long>> actualTransfers = new TreeMap<>();
        actual.transfers().forEach((from, to) -> {
            Map<String, Long> named = new TreeMap<>();
            to.forEach((option, votes) ->
                    named.put(option == InstantRunoffResult.EXHAUSTED ? "exhausted" : names.get(option), votes));
            actualTransfers.put(names.get(from), named);
        });
        assertThat(actualTransfers)
                .as(round + " eliminated and their transfers")
                .isEqualTo(expectedTransfers);
        assertThat(actual.eliminated().stream().map(names::get).toList())
                .as(round + " eliminated")
                .containsExactlyInAnyOrderElementsOf(expectedTransfers.keySet());
        if (!actual.eliminated().isEmpty()) {
            assertThat(actual.decision()).as(round + " decided without a tie").isIn(DECIDED_WITHOUT_A_TIE);
        }
    }

    /**
     * RCTab's causes for the ballots inactive in a round, from the adapter's reason for cutting each ballot short:
     * a ballot is inactive once every option of its clean ranking was eliminated in an earlier round, and RCTab
     * names the cause it met there (the overvote, the skipped ranks, the repeat), or "exhausted choices" when the
     * paper simply ran out.
     */
    static Map<String, Long> inactiveCauses(
            List<PaperBallotAdapter.Clean> ballots, InstantRunoffResult result, int round, Map<String, Integer> idOf) {
        Map<Integer, Integer> eliminatedIn = new HashMap<>();
        result.rounds().forEach(r -> r.eliminated().forEach(option -> eliminatedIn.put(option, r.number())));
        Map<String, Long> causes = new TreeMap<>(
                Map.of("exhaustedChoices", 0L, "overvotes", 0L, "skippedRankings", 0L, "repeatedRankings", 0L));
        for (var ballot : ballots) {
            boolean inactive = ballot.ranking().stream()
                    .allMatch(name -> eliminatedIn.getOrDefault(idOf.get(name), Integer.MAX_VALUE) < round);
            if (inactive) {
                String cause = switch (ballot.cut()) {
                    case NONE -> "exhaustedChoices";
                    case OVERVOTE -> "overvotes";
                    case SKIPPED_RANKS -> "skippedRankings";
                    case REPEATED_CANDIDATE -> "repeatedRankings";
                };
                causes.merge(cause, 1L, Long::sum);
            }
        }
        return causes;
    }

    private static Map<String, Long> expectedCauses(JsonNode round) {
        Map<String, Long> causes = new TreeMap<>();
        round.path("inactiveBallots").properties().forEach(e -> causes.put(e.getKey(), number(e.getValue())));
        return causes;
    }

    private static long number(JsonNode value) {
        return new BigDecimal(value.asString()).longValueExact();
    }

    /**
     * {@code ../shared/conformance} from the project root; a worktree's root lies one level deeper than the main
     * checkout's, so the nearest ancestor holding {@code shared/conformance} is taken.
     */
    static Path conformanceFolder() {
        Path root = Path.of("").toAbsolutePath();
        for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
            Path rctab = dir.resolve("shared").resolve("conformance").resolve("rctab");
            if (Files.isDirectory(rctab)) {
                return rctab;
            }
        }
        throw new IllegalStateException("no shared/conformance/rctab above " + root
                + ": the conformance data lives beside the project, in ../shared/conformance");
    }
}
