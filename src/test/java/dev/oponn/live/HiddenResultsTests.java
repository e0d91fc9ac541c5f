package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hidden results are hidden everywhere: while a ballot's counts are hidden from a requester, nothing it can fetch
 * (pages, fragments, the live stream, exports, the QR code, the presenter view, error pages) carries a count, a
 * percentage, a bar, a leader mark or a tally version. The counts cast are distinctive (7 and 13 of 20: 35% and
 * 65%), and every route is also read before any vote: a body that does not change when 20 votes arrive cannot
 * tell them.
 */
@OponnTest
class HiddenResultsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Signed tokens (CSRF, challenges) differ per request; nothing else in a page may. */
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9_-]{40,}");

    private static final Pattern COUNTS = Pattern.compile(
            "(?<![\\w.-])(7|13|20|35|65)(?![\\w])|35%|65%|35\\.0|65\\.0|data-count|data-version|█|class=\"mark\"|leader");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BallotCatalog catalog;

    private final HttpClient http = SseClient.newHttp();
    private final List<SseClient> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        http.shutdownNow();
    }

    @Test
    void afterCloseHidesEveryCountFromAVoterAndANonVoter() {
        Device owner = signedIn("olivia");
        String ballot = create(owner, "after_close");
        Device voter = new Device(port);
        Device bystander = new Device(port);
        Flows.openVotePage(bystander, ballot);

        Map<String, String> before = everything(bystander, ballot);
        assertThat(Flows.vote(voter, ballot, "1").status()).isEqualTo(303);
        castWithStreamsOpen(owner, ballot, 6, 13, List.of(voter, bystander));
        Map<String, String> after = everything(bystander, ballot);
        Map<String, String> afterVoting = everything(voter, ballot);

        assertHidden(ballot, before, after, "results are hidden until the ballot closes");
        afterVoting.forEach((path, body) -> {
            if (!path.endsWith("qr.svg")) {
                assertThat(body).as("a voter's " + path).doesNotContainPattern(COUNTS);
            }
        });
        assertThat(owner.get("/manage/" + ballot).body())
                .as("the owner's manage page shows the counts whatever the setting")
                .contains("data-count>7<", "data-count>13<");
    }

    @Test
    void afterVoteHidesCountsUntilTheDeviceVotesThenShowsThem() {
        Device owner = signedIn("victor");
        String ballot = create(owner, "after_vote");
        Device bystander = new Device(port);
        Flows.openVotePage(bystander, ballot);

        Map<String, String> before = everything(bystander, ballot);
        castWithStreamsOpen(owner, ballot, 7, 13, List.of(bystander));
        assertHidden(ballot, before, everything(bystander, ballot), "vote to see the results");

        SseClient watching = stream(bystander, ballot);
        await().atMost(WAIT).until(() -> !watching.messages().isEmpty());
        assertThat(watching.lastMessage().data()).contains("vote to see the results");

        assertThat(Flows.vote(bystander, ballot, "2").status()).isEqualTo(303);

        await().atMost(WAIT)
                .alias("the open page shows the counts after this device's vote, without a reload")
                .until(() -> watching.lastMessage().data().contains("data-count>14<"));
        assertThat(bystander.get("/results/" + ballot).body()).contains("data-count>14<");
        assertThat(bystander.get("/results/" + ballot + "/export.csv").status()).isEqualTo(200);
    }

    @Test
    void afterVoteShowsARankedBallotsRoundsOnceTheDeviceHasRanked() {
        Device owner = signedIn("rhea");
        String ballot = Flows.createBallotWith(
                owner,
                "measure",
                "Ranked after the vote?",
                "options_raw",
                "alpha, beta",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "results_visibility",
                "after_vote",
                "voting_method",
                "ranked");
        Device bystander = new Device(port);
        Flows.openVotePage(bystander, ballot);
        Map<String, String> before = everything(bystander, ballot);
        castWithStreamsOpen(owner, ballot, 7, 13, List.of(bystander), option ->
                new String[] {"ranking", option.equals("1") ? "1,2" : "2,1"});
        assertHidden(ballot, before, everything(bystander, ballot), "vote to see the results");

        SseClient watching = stream(bystander, ballot);
        await().atMost(WAIT).until(() -> !watching.messages().isEmpty());
        assertThat(watching.lastMessage().data())
                .contains("vote to see the results")
                .doesNotContain("data-rounds");

        assertThat(bystander.postAll("/vote/" + ballot, false, "rank_2", "1").status())
                .isEqualTo(303);

        await().atMost(WAIT)
                .alias("the open page shows the rounds after this device's ranking, without a reload")
                .until(() -> watching.lastMessage().data().contains("data-rounds"));
        assertThat(watching.lastMessage().data()).contains("data-count>14<").contains("data-pairwise");
        assertThat(bystander.get("/results/" + ballot).body()).contains("data-count>14<");
    }

    /**
     * Ranked, score and multiple-choice ballots hide as much: no round, pairwise count, average or share reaches
     * anyone but the owner until the ballot closes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ranked", "score", "multiple", "approval"})
    void afterCloseHidesRoundsPairwiseCountsAndAveragesOfEveryMethod(String method) {
        Device owner = signedIn("mona-" + method);
        String ballot = create(owner, "after_close", method);
        Device bystander = new Device(port);
        Flows.openVotePage(bystander, ballot);
        Map<String, String> before = everything(bystander, ballot);
        Function<String, String[]> marking = marking(method);
        castWithStreamsOpen(owner, ballot, 7, 13, List.of(bystander), marking);
        assertHidden(ballot, before, everything(bystander, ballot), "results are hidden until the ballot closes");
    }

    /**
     * Under {@code after_vote} the other methods hide as much until the device has voted, then every route shows
     * it the counts: its open page without a reload, the results page, the presenter view and the exports.
     */
    @ParameterizedTest
    @ValueSource(strings = {"multiple", "approval", "score"})
    void afterVoteShowsEveryMethodsCountsOnceTheDeviceHasVoted(String method) {
        Device owner = signedIn("vera-" + method);
        String ballot = create(owner, "after_vote", method);
        Function<String, String[]> marking = marking(method);
        Device bystander = new Device(port);
        Flows.openVotePage(bystander, ballot);
        Map<String, String> before = everything(bystander, ballot);
        castWithStreamsOpen(owner, ballot, 7, 13, List.of(bystander), marking);
        assertHidden(ballot, before, everything(bystander, ballot), "vote to see the results");

        SseClient watching = stream(bystander, ballot);
        await().atMost(WAIT).until(() -> !watching.messages().isEmpty());
        assertThat(watching.lastMessage().data()).contains("vote to see the results");
        assertThat(bystander
                        .postAll("/vote/" + ballot, false, marking.apply("2"))
                        .status())
                .isEqualTo(303);

        await().atMost(WAIT)
                .alias("the open page shows the counts after this device's vote, without a reload")
                .until(() -> watching.lastMessage().data().contains("data-count>14<"));
        for (String path : List.of("/results/" + ballot, "/present/" + ballot)) {
            assertThat(bystander.get(path).body()).as(path).contains("data-count>14<");
        }
        assertThat(bystander.getHtmx("/results/" + ballot).body()).contains("data-count>14<");
        assertThat(bystander.get("/results/" + ballot + "/export.csv").status()).isEqualTo(200);
        assertThat(bystander.get("/results/" + ballot + "/export.json").body()).contains("\"votingMethod\"");
    }

    @Test
    void afterCloseShowsTheCountsToAnOpenPageWhenTheBallotEnds() {
        Device owner = signedIn("cora");
        String ballot = create(owner, "after_close");
        Device bystander = new Device(port);
        Flows.vote(new Device(port), ballot, "2");
        SseClient watching = stream(bystander, ballot);
        await().atMost(WAIT).until(() -> !watching.messages().isEmpty());
        assertThat(watching.lastMessage().data()).doesNotContain("data-count");

        jdbc.sql("UPDATE ballot SET ends_at = now() WHERE id = :id")
                .param("id", ballot)
                .update();
        catalog.refresh(new BallotId(ballot));

        await().atMost(WAIT).until(() -> watching.saw("closed"));
        assertThat(watching.lastMessage().data()).contains("data-count>1<").contains("voting closed");
        assertThat(bystander.get("/results/" + ballot).body()).contains("data-count>1<");
    }

    @Test
    void aDeviceThatVotedWhileCountsWereLiveKeepsThemOnItsOpenPageWhenTheOwnerSwitchesToAfterVote() {
        Device owner = signedIn("lena");
        String ballot = create(owner, "live");
        Device voter = new Device(port);
        Device bystander = new Device(port);
        assertThat(Flows.vote(voter, ballot, "1").status()).isEqualTo(303);
        Flows.openVotePage(bystander, ballot);
        SseClient voters = stream(voter, ballot);
        SseClient bystanders = stream(bystander, ballot);
        await().atMost(WAIT).until(() -> voters.lastVersion() == 1 && bystanders.lastVersion() == 1);

        assertThat(owner.post("/manage/" + ballot + "/visibility", "results_visibility", "after_vote")
                        .status())
                .isEqualTo(303);

        await().atMost(WAIT).until(() -> bystanders.lastMessage().data().contains("vote to see the results"));
        LiveTally.voteAsNewDevice(http, port, ballot, "2");
        await().atMost(WAIT)
                .alias("the device that voted still sees the counts grow on its open page")
                .until(() -> voters.lastMessage().data().contains("data-count>1<") && voters.lastVersion() == 2);
        assertThat(bystanders.lastMessage().data()).doesNotContainPattern(COUNTS);
    }

    @Test
    void changingWhoMayVoteJudgesAnOpenPageByTheKeyThatNowCounts() {
        Device owner = signedIn("walt");
        String ballot = create(owner, "after_vote");
        Device voter = new Device(port);
        assertThat(Flows.vote(voter, ballot, "1").status()).isEqualTo(303);
        SseClient watching = stream(voter, ballot);
        await().atMost(WAIT).until(() -> watching.lastVersion() == 1);

        assertThat(owner.post("/manage/" + ballot + "/voters", "who_may_vote", "signed_in")
                        .status())
                .isEqualTo(303);

        await().atMost(WAIT)
                .alias("its device's vote is not an account's: the counts are hidden from it now")
                .until(() -> watching.lastMessage().data().contains("vote to see the results"));
        assertThat(watching.lastMessage().data()).doesNotContainPattern(COUNTS);
    }

    /**
     * Casts {@code first} votes for option 1 and {@code second} for option 2 while streams of the watching devices
     * are open, and waits until the owner's stream has shown the last of them: the hidden streams were offered
     * every render in between.
     */
    private void castWithStreamsOpen(Device owner, String ballot, int first, int second, List<Device> watching) {
        castWithStreamsOpen(owner, ballot, first, second, watching, option -> new String[] {"option_id", option});
    }

    /** @param marking the vote form's fields for a ballot that marks option 1, or option 2 */
    private void castWithStreamsOpen(
            Device owner,
            String ballot,
            int first,
            int second,
            List<Device> watching,
            Function<String, String[]> marking) {
        List<SseClient> hidden = watching.stream().map(d -> stream(d, ballot)).toList();
        SseClient owners = SseClient.open(http, port, "/manage/" + ballot + "/live-results", "Cookie", cookies(owner));
        open.add(owners);
        hidden.forEach(s -> await().atMost(WAIT).until(() -> !s.messages().isEmpty()));
        // The tally version is the number of ballots cast, whatever the method: the voter rows.
        long already = jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                .param("id", ballot)
                .query(Long.class)
                .single();
        for (int i = 0; i < first + second; i++) {
            Device device = new Device(http, port);
            Flows.openVotePage(device, ballot);
            Response voted = device.postAll("/vote/" + ballot, false, marking.apply(i < first ? "1" : "2"));
            assertThat(voted.status()).as(voted.body()).isEqualTo(303);
        }
        long total = already + first + second;
        await().atMost(WAIT).until(() -> owners.lastVersion() == total);
        assertThat(owners.lastMessage().data())
                .as("the owner's stream shows counts")
                .contains("data-count>13<");
        for (SseClient stream : hidden) {
            for (SseClient.Event event : stream.events()) {
                assertThat(event.id())
                        .as("a hidden stream's ids never grow with votes")
                        .isIn("hidden", null);
                assertThat(event.data()).doesNotContainPattern(COUNTS);
            }
            stream.close();
        }
    }

    /** Every route of the ballot as this device fetches it, status and body; tokens masked. */
    private Map<String, String> everything(Device device, String ballot) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String path : List.of(
                "/vote/" + ballot,
                "/results/" + ballot,
                "/present/" + ballot,
                "/ballots/" + ballot + "/qr.svg",
                "/results/" + ballot + "/export.csv",
                "/results/" + ballot + "/export.json",
                "/manage/" + ballot,
                "/manage/" + ballot + "/live-results",
                "/results/" + ballot + "/nothing-here")) {
            Response response = device.get(path);
            seen.put(path, describe(response));
        }
        seen.put("htmx /results", describe(device.getHtmx("/results/" + ballot)));
        seen.put("htmx /vote", describe(device.getHtmx("/vote/" + ballot)));
        return seen;
    }

    private static String describe(Response response) {
        StringBuilder out = new StringBuilder().append(response.status()).append('\n');
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date") && !name.equalsIgnoreCase("set-cookie")) {
                out.append(name).append(": ").append(values).append('\n');
            }
        });
        return out.append(TOKENS.matcher(response.body()).replaceAll("TOKEN")).toString();
    }

    private static void assertHidden(
            String ballot, Map<String, String> before, Map<String, String> after, String notice) {
        assertThat(after)
                .as("no route says anything that changed with the votes")
                .isEqualTo(before);
        after.forEach((path, body) -> {
            if (!path.endsWith("qr.svg")) {
                assertThat(body).as(path).doesNotContainPattern(COUNTS);
            }
        });
        assertThat(after.get("/results/" + ballot)).contains(notice);
        assertThat(after.get("/present/" + ballot)).contains(notice);
        assertThat(after.get("/results/" + ballot + "/export.csv")).startsWith("403");
        assertThat(after.get("/results/" + ballot + "/export.json"))
                .startsWith("403")
                .contains("application/problem+json")
                .contains("\"status\":403")
                .contains(notice);
    }

    private SseClient stream(Device device, String ballot) {
        SseClient stream =
                SseClient.open(http, port, "/ballots/" + ballot + "/live-results", "Cookie", cookies(device));
        open.add(stream);
        return stream;
    }

    private static String cookies(Device device) {
        List<String> pairs = new ArrayList<>();
        for (String name : List.of("oponn_device", "oponn_session", "SESSION")) {
            String value = device.cookie(name);
            if (value != null) {
                pairs.add(name + "=" + value);
            }
        }
        return String.join("; ", pairs);
    }

    private String create(Device owner, String visibility) {
        return create(owner, visibility, "single");
    }

    /** A ballot of {@code alpha, beta} open now, its counts shown {@code visibility}, marked by {@code method}. */
    private String create(Device owner, String visibility, String method) {
        return Flows.createBallotWith(
                owner,
                "measure",
                "Hidden counts, " + method + "?",
                "options_raw",
                "alpha, beta",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "results_visibility",
                visibility,
                "voting_method",
                method,
                "max_choices",
                "2");
    }

    /** The vote form's fields of {@code method} that mark option 1, or option 2, first. */
    private static Function<String, String[]> marking(String method) {
        return switch (method) {
            case "ranked" -> option -> new String[] {"ranking", option.equals("1") ? "1,2" : "2,1"};
            case "score" -> option -> new String[] {"score_" + option, "1"};
            default -> option -> new String[] {"option_id", option};
        };
    }

    private Device signedIn(String name) {
        Device device = new Device(port);
        assertThat(device.post("/auth/mock-sign-in", "name", name).status()).isEqualTo(303);
        device.get("/");
        return device;
    }
}
