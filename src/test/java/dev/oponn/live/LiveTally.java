package dev.oponn.live;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import java.net.http.HttpClient;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test steps around the live stream: voting from fresh devices, and reading tallies from panels and the database. */
final class LiveTally {

    private LiveTally() {}

    /** One vote from a device that has never voted. */
    static void voteAsNewDevice(HttpClient http, int port, String ballotId, String optionId) {
        Device device = new Device(http, port);
        Device.Response response = Flows.vote(device, ballotId, optionId);
        if (response.status() != 303) {
            throw new AssertionError("vote answered " + response.status() + ": " + response.body());
        }
    }

    /** The total vote count a results panel shows (in English's format: {@code 1,034}). */
    static long totalShown(String panelHtml) {
        return number(Jsoup.parse(panelHtml).select(".total").text());
    }

    private static long number(String shown) {
        return Long.parseLong(shown.strip().replace(",", ""));
    }

    static long countShown(String panelHtml, String optionId) {
        return number(Jsoup.parse(panelHtml)
                .select("li[data-option-id=" + optionId + "] .count")
                .text());
    }

    static long totalInDatabase(JdbcClient jdbc, String ballotId) {
        return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = :id")
                .param("id", ballotId)
                .query(Long.class)
                .single();
    }
}
