package dev.oponn.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oponn's HTTP contract as a browser meets it, and nothing of its internals: a page load gives the CSRF cookie (and
 * on {@code /vote/{id}} the device cookie), forms carry the token in {@code X-CSRF-Token}, a created ballot answers
 * with {@code /vote/{id}}, an acknowledged vote with {@code /results/{id}} (303 {@code Location}, or 204
 * {@code HX-Redirect} for htmx). The bare SSE baseline speaks the same contract, so one probe drives both.
 */
final class Site {

    /** A radio or checkbox {@code option_id} (single and multiple choice), or a ranked ballot's {@code rank_{id}}. */
    private static final Pattern OPTION =
            Pattern.compile("name=\"option_id\"\\s+value=\"(\\d+)\"|name=\"rank_(\\d+)\"");

    private Site() {}

    /** Loads the vote page: the device gets its cookies; returns the ballot's option ids. */
    static List<Integer> openVotePage(HttpConnection connection, Device device, String ballot) throws IOException {
        HttpResponse page = connection.exchange(HttpRequest.get("/vote/" + ballot, device.pageHeaders()));
        device.remember(page);
        if (page.status() != 200) {
            throw new IOException("GET /vote/" + ballot + " answered " + page.status());
        }
        List<Integer> options = new ArrayList<>();
        Matcher m = OPTION.matcher(page.text());
        while (m.find()) {
            options.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return options;
    }

    static HttpRequest createRequest(Device device, String measure, String options) {
        return createRequest(device, measure, options, new String[0]);
    }

    /** @param more further create-form fields (name, value, ...): {@code voting_method}, {@code max_choices} */
    static HttpRequest createRequest(Device device, String measure, String options, String... more) {
        List<String> fields = new ArrayList<>(List.of(
                Device.CSRF_FIELD,
                device.csrfToken(),
                "measure",
                measure,
                "options_raw",
                options,
                "start_time_type",
                "now",
                "duration_mins",
                "0"));
        fields.addAll(List.of(more));
        return HttpRequest.form("/create", device.htmxHeaders(), fields.toArray(String[]::new));
    }

    /** The new ballot's id, or null when the answer is not a successful creation. */
    static String createdBallot(HttpResponse response) {
        String target = redirectTarget(response);
        if (target == null || !target.contains("/vote/")) {
            return null;
        }
        return target.substring(target.lastIndexOf('/') + 1);
    }

    static HttpRequest voteRequest(Device device, String ballot, int optionId) {
        return HttpRequest.form(
                "/vote/" + ballot,
                device.htmxHeaders(),
                Device.CSRF_FIELD,
                device.csrfToken(),
                "option_id",
                Integer.toString(optionId));
    }

    /** A vote of another method: its fields as the vote form posts them (names may repeat). */
    static HttpRequest markedVoteRequest(Device device, String ballot, List<String> fields) {
        List<String> all = new ArrayList<>(List.of(Device.CSRF_FIELD, device.csrfToken()));
        all.addAll(fields);
        return HttpRequest.form("/vote/" + ballot, device.htmxHeaders(), all.toArray(String[]::new));
    }

    static boolean voteAcknowledged(HttpResponse response) {
        String target = redirectTarget(response);
        return target != null && target.contains("/results/");
    }

    static HttpRequest liveRequest(String ballot) {
        return HttpRequest.get(
                "/ballots/" + ballot + "/live-results",
                List.of("Accept: text/event-stream", "Cache-Control: no-cache"));
    }

    private static String redirectTarget(HttpResponse response) {
        if (response.status() == 204 || response.status() / 100 == 2) {
            return response.header("HX-Redirect");
        }
        if (response.status() == 303 || response.status() == 302) {
            return response.header("Location");
        }
        return null;
    }
}
