package dev.oponn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator watches: Prometheus counters for ballots and votes (by rejection reason), health and readiness
 * over the database, and logs that name events and fingerprints of ids but never what a ballot says, its id or a
 * device's token.
 */
@OponnTest
// vote.recorded is a debug event; turned on here so that the test also proves it carries no ballot text.
@TestPropertySource(properties = "logging.level.dev.oponn.vote=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class MetricsAndHealthTests {

    @LocalServerPort
    int port;

    @Autowired
    LogFingerprints fingerprints;

    Device device;

    @BeforeEach
    void device() {
        device = new Device(port);
    }

    @Test
    void countsBallotsCreatedAndVotesCastAndRejectedByReason() {
        String before = prometheus();
        String ballot = Flows.createBallot(device, "Metrics matter?", "yes, no", false);
        assertThat(Flows.vote(device, ballot, "1").status()).isEqualTo(303);
        assertThat(Flows.vote(device, ballot, "2").status())
                .as("second vote from the device")
                .isEqualTo(200);
        assertThat(Flows.vote(new Device(port), ballot, "99").status())
                .as("no such option")
                .isEqualTo(200);
        String after = prometheus();

        assertThat(value(after, "oponn_ballot_creations_total", "") - value(before, "oponn_ballot_creations_total", ""))
                .isEqualTo(1.0);
        assertThat(value(after, "oponn_votes_cast_total", "") - value(before, "oponn_votes_cast_total", ""))
                .isEqualTo(1.0);
        assertThat(value(after, "oponn_votes_rejected_total", "already_voted")
                        - value(before, "oponn_votes_rejected_total", "already_voted"))
                .isEqualTo(1.0);
        assertThat(value(after, "oponn_votes_rejected_total", "invalid")
                        - value(before, "oponn_votes_rejected_total", "invalid"))
                .isEqualTo(1.0);
        assertThat(after).contains("oponn_votes_rejected_total{application=\"oponn\",reason=\"not_started\"}");
        assertThat(after).contains("oponn_votes_rejected_total{application=\"oponn\",reason=\"ended\"}");
    }

    @Test
    void countsHitsAndMissesOfTheBallotCache() {
        String ballot = Flows.createBallot(device, "Cached?", "yes, no", false);
        String before = prometheus();
        assertThat(device.get("/vote/" + ballot).status()).isEqualTo(200);
        assertThat(device.get("/results/" + ballot).status()).isEqualTo(200);
        assertThat(device.get("/vote/AAAAAAAAAAAAAAAAAAAAAA").status())
                .as("a well-formed id of no ballot")
                .isEqualTo(404);
        String after = prometheus();

        assertThat(cacheGets(after, "hit") - cacheGets(before, "hit"))
                .as("the vote and results pages read the ballot created just before")
                .isGreaterThanOrEqualTo(2.0);
        assertThat(cacheGets(after, "miss") - cacheGets(before, "miss"))
                .as("the unknown id")
                .isGreaterThanOrEqualTo(1.0);
        assertThat(after).contains("cache_size{application=\"oponn\",cache=\"ballots\"");
    }

    @Test
    void healthAndReadinessCoverTheDatabase() {
        Device.Response health = device.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"}");

        Device.Response readiness = device.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"db\":{\"status\":\"UP\"}", "\"readinessState\":{\"status\":\"UP\"}")
                .as("no Redis is configured here, so readiness does not wait for one")
                .doesNotContain("redis");

        assertThat(device.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(device.get("/actuator/env").status())
                .as("only health and metrics are exposed")
                .isEqualTo(404);
    }

    @Test
    void logsNameEventsAndBallotFingerprintsButNeverBallotTextIdsOrTokens(CapturedOutput output) {
        String measure = "Confidential measure " + UUID.randomUUID();
        String writeIn = "Secret write-in " + UUID.randomUUID();
        String ballot = Flows.createBallot(device, measure, "alpha, beta", true);
        assertThat(Flows.writeIn(device, ballot, writeIn).status()).isEqualTo(303);

        String logs = output.getOut();
        assertThat(logs).contains("ballot.created", "vote.recorded", "ballot=\"" + fingerprints.ballot(ballot) + "\"");
        assertThat(logs)
                .doesNotContain(
                        measure, writeIn, "alpha, beta", ballot, device.cookie("oponn_device"), device.csrfToken());
    }

    private String prometheus() {
        Device.Response metrics = device.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body();
    }

    private static double cacheGets(String exposition, String result) {
        Matcher line = Pattern.compile(
                        "(?m)^cache_gets_total\\{[^}]*cache=\"ballots\"[^}]*result=\"" + result + "\"[^}]*\\} (\\S+)$")
                .matcher(exposition);
        return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
    }

    private static double value(String exposition, String name, String reason) {
        String labels = reason.isEmpty()
                ? "\\{application=\"oponn\"\\}"
                : "\\{application=\"oponn\",reason=\"" + reason + "\"\\}";
        Matcher line = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(exposition);
        return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
    }
}
