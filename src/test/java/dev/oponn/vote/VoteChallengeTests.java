package dev.oponn.vote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.ballot.BallotId;
import dev.oponn.platform.ServerSecret;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import dev.oponn.vote.internal.VoteChallenge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The proof of work a ballot's owner may ask of every vote, solved here in Java as the page's script solves it. */
@OponnTest
class VoteChallengeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ServerSecret secret;

    @Autowired
    VoteProperties properties;

    @Test
    void aSolvedChallengeVotesAndTheSameSolutionCannotVoteAgain() {
        String id = challengeBallot();
        Device first = new Device(port);
        Document page = first.get("/vote/" + id).html();
        assertThat(page.select("noscript [data-needs-javascript]").text())
                .isEqualTo("This ballot needs JavaScript to vote");
        Puzzle puzzle = Puzzle.of(page);

        Response voted =
                first.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token, "solution", puzzle.solve());
        assertThat(voted.status()).isEqualTo(303);

        Device replayer = new Device(port);
        replayer.get("/vote/" + id);
        double before = rejected();
        Response replayed =
                replayer.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token, "solution", puzzle.solve());
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.html().select("[data-error-for=vote]").text()).startsWith("This vote's proof of work was");
        assertThat(rejected() - before).isEqualTo(1);
        assertThat(total(id)).isEqualTo(1);

        Puzzle fresh = Puzzle.of(replayed.html());
        assertThat(fresh.token).as("the refused form carries a new challenge").isNotEqualTo(puzzle.token);
        assertThat(replayer.post("/vote/" + id, "option_id", "2", "challenge", fresh.token, "solution", fresh.solve())
                        .status())
                .isEqualTo(303);
        assertThat(total(id)).isEqualTo(2);
    }

    @Test
    void aVoteWithoutASolutionIsRefusedAsNeedingJavaScript() {
        String id = challengeBallot();
        Device device = new Device(port);
        Puzzle puzzle = Puzzle.of(device.get("/vote/" + id).html());

        for (Response refused : new Response[] {
            device.post("/vote/" + id, "option_id", "1"),
            device.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token, "solution", ""),
            device.postHtmx("/vote/" + id, "option_id", "1", "challenge", puzzle.token)
        }) {
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.html().select("[data-error-for=vote]").text())
                    .isEqualTo("This ballot needs JavaScript to vote");
        }
        assertThat(total(id)).isZero();
        assertThat(device.get("/vote/" + id).html().text()).doesNotContain("you_have_already_voted_on_this_ballot");
    }

    @Test
    void aForgedWrongOrExpiredChallengeIsRefused() {
        String id = challengeBallot();
        String other = challengeBallot();
        Device device = new Device(port);
        Puzzle puzzle = Puzzle.of(device.get("/vote/" + id).html());
        String[] parts = puzzle.token.split("\\.");
        String easier = parts[0] + "." + parts[1] + "." + Long.toUnsignedString(-1L) + "." + parts[3];
        String later = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2] + "." + parts[3];
        VoteChallenges anHourAgo =
                new VoteChallenges(secret, jdbc, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), properties);
        VoteChallenge expired = anHourAgo.issue(BallotId.parse(id).orElseThrow());
        Puzzle expiredPuzzle = new Puzzle(expired.token(), expired.salt(), Long.parseUnsignedLong(expired.target()));
        Puzzle fromOtherBallot =
                Puzzle.of(new Device(port).get("/vote/" + other).html());

        String[][] attempts = {
            {easier, "0"},
            {later, puzzle.solve()},
            {puzzle.token, puzzle.wrongSolution()},
            {puzzle.token, "not-a-number"},
            {expiredPuzzle.token, expiredPuzzle.solve()},
            {fromOtherBallot.token, fromOtherBallot.solve()},
            {"garbage", "1"}
        };
        for (String[] attempt : attempts) {
            Response refused =
                    device.post("/vote/" + id, "option_id", "1", "challenge", attempt[0], "solution", attempt[1]);
            assertThat(refused.html().select("[data-error-for=vote]").text())
                    .as(attempt[0])
                    .startsWith("This vote's proof of work was");
        }
        assertThat(total(id)).isZero();
        assertThat(device.post("/vote/" + id, "option_id", "1", "challenge", puzzle.token, "solution", puzzle.solve())
                        .status())
                .as("the untouched challenge still works")
                .isEqualTo(303);
    }

    @Test
    void aBallotWithoutTheChallengeNeedsNoSolutionAndItsPageCarriesNone() {
        Device owner = new Device(port);
        String id = Flows.createBallot(owner, "Plain?", "a, b", false);
        Document page = owner.get("/vote/" + id).html();
        assertThat(page.select("input[name=challenge]")).isEmpty();
        assertThat(page.select("form[data-challenge-salt]")).isEmpty();
        assertThat(Flows.vote(owner, id, "1").status()).isEqualTo(303);
    }

    /** A vote page's puzzle and the same search its script runs. */
    record Puzzle(String token, String salt, long target) {

        static Puzzle of(Document page) {
            Element form = page.selectFirst("form#vote-form");
            return new Puzzle(
                    form.select("input[name=challenge]").val(),
                    form.attr("data-challenge-salt"),
                    Long.parseUnsignedLong(form.attr("data-challenge-target")));
        }

        String solve() {
            return first(true);
        }

        String wrongSolution() {
            return first(false);
        }

        /** The first n from 0 that solves the puzzle, or that does not. */
        private String first(boolean solving) {
            for (long n = 0; ; n++) {
                if (VoteChallenges.solves(salt, Long.toString(n), target) == solving) {
                    return Long.toString(n);
                }
            }
        }
    }

    private String challengeBallot() {
        return Flows.createBallotWith(
                new Device(port),
                "measure",
                "Prove it?",
                "options_raw",
                "a, b",
                "duration_mins",
                "0",
                "vote_challenge",
                "on");
    }

    private double rejected() {
        return meters.get("oponn.votes.rejected")
                .tag("reason", "challenge")
                .counter()
                .count();
    }

    private long total(String id) {
        return StoredVotes.total(jdbc, id);
    }
}
