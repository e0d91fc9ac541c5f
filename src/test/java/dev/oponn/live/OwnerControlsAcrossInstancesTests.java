package dev.oponn.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oponn.ballot.BallotCatalog;
import dev.oponn.ballot.BallotId;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.Instance;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The owner controls on a cluster: two instances sharing PostgreSQL and Redis. The owner acts on one; the other,
 * which has the ballot cached and viewers watching it, refuses votes at once (the database decides) and, told over
 * Redis, drops its cached copy and ends or restates its streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerControlsAcrossInstancesTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    Cluster cluster;
    Instance a;
    Instance b;
    HttpClient http;
    final List<SseClient> open = new ArrayList<>();

    @BeforeAll
    void startCluster() {
        cluster = Cluster.start(List.of(), List.of());
        a = cluster.a();
        b = cluster.b();
        http = SseClient.newHttp();
    }

    @AfterAll
    void stopCluster() {
        if (http != null) {
            http.shutdownNow();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        open.clear();
    }

    @Test
    void closingOnOneInstanceEndsVotingAndTheStreamsOnTheOther() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallot(owner, "Close across?", "yes, no", false);
        String manage = manageLink(owner, ballot);
        Device voterOnB = new Device(http, b.port());
        assertThat(Flows.vote(voterOnB, ballot, "1").status())
                .as("b has the ballot cached")
                .isEqualTo(303);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 1);

        assertThat(owner.post(manage + "/close").status()).isEqualTo(303);

        Response late = Flows.vote(new Device(http, b.port()), ballot, "2");
        assertThat(late.html().select("[data-error-for=vote]").text())
                .as("refused on the other instance at once")
                .isEqualTo("Voting has ended for this ballot");
        await().atMost(WAIT).until(() -> viewerOnB.saw("closed"));
        List<SseClient.Event> events = viewerOnB.events();
        assertThat(events.getLast().type()).isEqualTo("closed");
        assertThat(viewerOnB.ended()).as("the stream lingers, for a reopening").isFalse();
        assertThat(viewerOnB.lastMessage().data()).contains("voting closed");
        assertThat(LiveTally.countShown(viewerOnB.lastMessage().data(), "1")).isEqualTo(1);
        await().atMost(WAIT)
                .until(() -> new Device(http, b.port())
                        .get("/vote/" + ballot)
                        .html()
                        .select("button[type=submit]")
                        .hasAttr("disabled"));
    }

    @Test
    void reopeningOnOneInstanceOpensTheBallotOnTheOther() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallot(owner, "Reopen across?", "yes, no", false);
        String manage = manageLink(owner, ballot);
        owner.post(manage + "/close");
        Device viewer = new Device(http, b.port());
        assertThat(viewer.get("/vote/" + ballot).html().select(".status").text())
                .isEqualTo("voting closed");

        assertThat(owner.post(manage + "/reopen", "duration_mins", "90").status())
                .isEqualTo(303);

        await().atMost(WAIT)
                .until(() -> viewer.get("/vote/" + ballot)
                        .html()
                        .select(".status")
                        .text()
                        .startsWith("ends in"));
        assertThat(Flows.vote(viewer, ballot, "2").status()).isEqualTo(303);
    }

    @Test
    void aPageWatchingThroughTheCloseSeesTheReopeningOnTheOtherInstanceWithoutAReload() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallot(owner, "Closed by mistake?", "yes, no", false);
        String manage = manageLink(owner, ballot);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);
        owner.post(manage + "/close");
        await().atMost(WAIT).until(() -> viewerOnB.saw("closed"));
        int seenAtClose = viewerOnB.events().size();

        assertThat(owner.post(manage + "/reopen", "duration_mins", "30").status())
                .isEqualTo(303);

        await().atMost(WAIT)
                .alias("the open stream carries the reopened ballot's panel")
                .until(() -> viewerOnB.events().size() > seenAtClose
                        && viewerOnB.lastMessage().data().contains("ends in"));
        assertThat(viewerOnB.ended()).isFalse();
        assertThat(Flows.vote(new Device(http, b.port()), ballot, "1").status()).isEqualTo(303);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 1);
    }

    @Test
    void deletingOnOneInstanceEndsTheStreamsOnTheOtherAndEveryRouteThereIsNotFound() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallot(owner, "Delete across?", "yes, no", false);
        String manage = manageLink(owner, ballot);
        Device viewer = new Device(http, b.port());
        assertThat(viewer.get("/results/" + ballot).status())
                .as("b has the ballot cached")
                .isEqualTo(200);
        SseClient viewerOnB = stream(b, ballot);
        await().atMost(WAIT).until(() -> viewerOnB.lastVersion() == 0);

        assertThat(owner.post(manage + "/delete", "confirm", "delete").status()).isEqualTo(303);

        await().atMost(WAIT).until(viewerOnB::ended);
        assertThat(viewerOnB.events().getLast().type()).isEqualTo("deleted");
        for (String route : new String[] {"/vote/", "/results/"}) {
            assertThat(viewer.get(route + ballot).status()).as(route).isEqualTo(404);
        }
        assertThat(SseClient.open(http, b.port(), "/ballots/" + ballot + "/live-results")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCapLoweredOnOneInstanceRefusesTheNextVoteOnTheOtherAtOnce() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallotWith(
                owner,
                "measure",
                "Cap across?",
                "options_raw",
                "yes, no",
                "duration_mins",
                "0",
                "per_address_cap",
                "5");
        String manage = manageLink(owner, ballot);
        for (int i = 0; i < 2; i++) {
            assertThat(Flows.vote(new Device(http, b.port()), ballot, "1").status())
                    .as("b has the ballot cached")
                    .isEqualTo(303);
        }

        assertThat(owner.post(manage + "/cap", "per_address_cap", "2").status()).isEqualTo(303);

        Response refused = Flows.vote(new Device(http, b.port()), ballot, "2");
        assertThat(refused.html().select("[data-error-for=vote]").text())
                .as("the vote statement reads the cap from the database, whatever b has cached")
                .isEqualTo("This network has reached this ballot's vote limit");
        assertThat(owner.post(manage + "/cap", "per_address_cap", "").status()).isEqualTo(303);
        assertThat(Flows.vote(new Device(http, b.port()), ballot, "2").status())
                .as("turned off: counted on b at once")
                .isEqualTo(303);
    }

    @Test
    void aCapOrChallengeTurnedOnOnOneInstanceReachesTheOthersCachedBallot() {
        Device owner = new Device(http, a.port());
        String ballot = Flows.createBallot(owner, "Defend across?", "yes, no", false);
        String manage = manageLink(owner, ballot);
        assertThat(Flows.vote(new Device(http, b.port()), ballot, "1").status())
                .as("b has the ballot cached, uncapped")
                .isEqualTo(303);
        BallotCatalog catalogOnB = b.bean(BallotCatalog.class);
        BallotId id = new BallotId(ballot);

        assertThat(owner.post(manage + "/cap", "per_address_cap", "1").status()).isEqualTo(303);
        await().atMost(WAIT)
                .alias("told over Redis, b drops its uncapped copy")
                .until(() -> catalogOnB.find(id).orElseThrow().defences().capped());
        assertThat(Flows.vote(new Device(http, b.port()), ballot, "1").status())
                .as("counted from the cap on")
                .isEqualTo(303);
        assertThat(Flows.vote(new Device(http, b.port()), ballot, "1")
                        .html()
                        .select("[data-error-for=vote]")
                        .text())
                .isEqualTo("This network has reached this ballot's vote limit");

        Device openedBefore = new Device(http, b.port());
        Flows.openVotePage(openedBefore, ballot);
        assertThat(owner.post(manage + "/challenge", "vote_challenge", "on").status())
                .isEqualTo(303);
        await().atMost(WAIT)
                .until(() -> !new Device(http, b.port())
                        .get("/vote/" + ballot)
                        .html()
                        .select("form#vote-form")
                        .attr("data-challenge-salt")
                        .isEmpty());
        assertThat(owner.post(manage + "/cap", "per_address_cap", "").status()).isEqualTo(303);
        Response unsolved = openedBefore.post("/vote/" + ballot, "option_id", "2");
        assertThat(unsolved.html().select("[data-error-for=vote]").text())
                .as("a page opened before the challenge was turned on")
                .isEqualTo("This ballot needs JavaScript to vote");
    }

    private static String manageLink(Device owner, String ballot) {
        String link = owner.get("/vote/" + ballot)
                .html()
                .select("[data-notice=manage_link] a[data-notice-link]")
                .attr("href");
        assertThat(link).contains("/manage/" + ballot + "/");
        return link.replaceFirst("^http://[^/]+", "");
    }

    private SseClient stream(Instance instance, String ballot) {
        SseClient stream = SseClient.open(http, instance.port(), "/ballots/" + ballot + "/live-results");
        open.add(stream);
        return stream;
    }
}
