package dev.oponn.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns a ballot: the signed-in creator (their dashboard lists it), or for a guest the holder of the manage
 * link shown once after creation. Users come from the development mock sign-in.
 */
@OponnTest
class OwnershipTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dashboardShowsOnlyTheSignedInUsersBallotsNewestFirstWithStatusAndLinks() {
        Device alice = signedIn("alice");
        Device bob = signedIn("bob");
        String aliceFirst = Flows.createBallot(alice, "Alice first", "a, b", false);
        String bobs = Flows.createBallot(bob, "Bob only", "x, y", false);
        String aliceLater = scheduled(alice, "Alice later");
        String guests = Flows.createBallot(new Device(port), "Guest ballot", "g, h", false);

        Document aliceHome = alice.get("/").html();
        assertThat(aliceHome.select("h1").text()).contains("my_ballots");
        assertThat(aliceHome.select("[data-ballot]").eachAttr("data-ballot")).containsExactly(aliceLater, aliceFirst);
        Element later = aliceHome.selectFirst("[data-ballot=" + aliceLater + "]");
        assertThat(later.select("[data-status]").text()).isEqualTo("pending");
        assertThat(aliceHome
                        .selectFirst("[data-ballot=" + aliceFirst + "]")
                        .select("[data-status]")
                        .text())
                .isEqualTo("active");
        assertThat(later.select("a[href=/vote/" + aliceLater + "]").text()).isEqualTo("vote");
        assertThat(later.select("a[href=/results/" + aliceLater + "]").text()).isEqualTo("results");
        assertThat(later.select("[data-owner]").text()).isEqualTo("owner: you");

        assertThat(bob.get("/").html().select("[data-ballot]").eachAttr("data-ballot"))
                .containsExactly(bobs);
        assertThat(new Device(port).get("/").html().select("[data-ballot], a[href^=/vote/]"))
                .as("guests see no list at all")
                .isEmpty();
        assertThat(aliceHome.text()).doesNotContain("Bob only").doesNotContain("Guest ballot");
        assertThat(guests).isNotBlank();
    }

    @Test
    void signedInOwnerManagesTheirBallotAndNobodyElseCan() {
        Device carol = signedIn("carol");
        String ballot = Flows.createBallot(carol, "Carol's question", "yes, no", false);

        Response page = carol.get("/manage/" + ballot);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("[data-owner]").text()).isEqualTo("owner: you (carol)");

        assertThat(signedIn("dave").get("/manage/" + ballot).status()).isEqualTo(404);
        assertThat(carol.cookie(ManageLinks.COOKIE))
                .as("a signed-in creator owns by account and gets no manage link")
                .isNull();
    }

    @Test
    void guestCreatorSeesTheManageLinkOnceAndItProvesOwnership() {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Guest's question", "one, two", false);

        Document first = guest.get("/vote/" + ballot).html();
        String link =
                first.select("[data-notice=manage_link] a[data-notice-link]").attr("href");
        assertThat(link).matches("http://[^/]+/manage/" + ballot + "/[A-Za-z0-9_-]{43}");
        assertThat(guest.get("/vote/" + ballot).html().select("[data-notice]"))
                .as("shown once")
                .isEmpty();

        String path = link.replaceFirst("^http://[^/]+", "");
        Response manage = new Device(port).get(path);
        assertThat(manage.status())
                .as("the link alone is the proof, on any device")
                .isEqualTo(200);
        assertThat(manage.html().select("h1").text()).contains("manage: Guest's question");
        assertThat(manage.html().select("[data-owner]").text()).isEqualTo("owner: holder of this manage link");

        String key = path.substring(path.lastIndexOf('/') + 1);
        String wrongKey = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        assertThat(guest.get("/manage/" + ballot + "/" + wrongKey).status()).isEqualTo(404);
        String other = Flows.createBallot(new Device(port), "Another", "p, q", false);
        assertThat(guest.get("/manage/" + other + "/" + key).status())
                .as("a key opens only its own ballot")
                .isEqualTo(404);
        assertThat(guest.get("/manage/" + ballot).status())
                .as("without the key a guest must sign in")
                .isEqualTo(303);
    }

    @Test
    void manageKeyIsStoredOnlyAsItsHash() {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Hashed?", "one, two", false);
        String link = Flows.manageLink(guest, ballot);
        String key = link.substring(link.lastIndexOf('/') + 1);

        byte[] stored = jdbc.sql("SELECT manage_key_hash FROM ballot WHERE id = :id")
                .param("id", ballot)
                .query(byte[].class)
                .single();
        assertThat(stored).isEqualTo(new ManageKey(key).hash()).isNotEqualTo(key.getBytes(StandardCharsets.US_ASCII));
        assertThat(jdbc.sql("SELECT count(*) FROM ballot WHERE row_to_json(ballot)::text LIKE :key")
                        .param("key", "%" + key + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void guestsStillCreateAndVoteWithoutAnyAccount() {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Open to all", "red, blue", false);
        assertThat(Flows.vote(new Device(port), ballot, "1").status()).isEqualTo(303);
        assertThat(guest.cookie("oponn_session")).isNull();
    }

    private Device signedIn(String name) {
        Device device = new Device(port);
        assertThat(device.post("/auth/mock-sign-in", "name", name).status()).isEqualTo(303);
        device.get("/"); // where the browser lands, with the CSRF token of its new session
        return device;
    }

    private static String scheduled(Device device, String measure) {
        Response created = device.post(
                "/create",
                "measure",
                measure,
                "options_raw",
                "a, b",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                Instant.now().plus(2, ChronoUnit.HOURS).toString(),
                "duration_mins",
                "60");
        assertThat(created.status()).isEqualTo(303);
        return created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
    }
}
