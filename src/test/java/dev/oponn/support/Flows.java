package dev.oponn.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps most tests share, through HTTP like a browser without HTMX. */
public final class Flows {

    private Flows() {}

    /** Creates an active ballot with no end and returns its id. */
    public static String createBallot(Device device, String measure, String options, boolean writeIns) {
        return createBallotWith(
                device,
                "measure",
                measure,
                "options_raw",
                options,
                "allow_write_in",
                writeIns ? "on" : "",
                "start_time_type",
                "now",
                "duration_mins",
                "0");
    }

    /** Posts the create form with exactly these fields (name, value, ...), expects the 303 and returns the id. */
    public static String createBallotWith(Device device, String... fields) {
        Device.Response created = device.post("/create", fields);
        assertThat(created.status())
                .as("create answers 303, body: %s", created.body())
                .isEqualTo(303);
        String location = created.header("Location");
        assertThat(location).contains("/vote/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Votes as a browser does: from the vote page, which issues the device cookie (the vote itself never does). */
    public static Device.Response vote(Device device, String ballotId, String optionId) {
        openVotePage(device, ballotId);
        return device.post("/vote/" + ballotId, "option_id", optionId);
    }

    public static Device.Response writeIn(Device device, String ballotId, String text) {
        openVotePage(device, ballotId);
        return device.post("/vote/" + ballotId, "option_id", "__write_in__", "write_in_value", text);
    }

    /** The guest creator's manage link, as the vote page shows it once after creation (absolute). */
    public static String manageLink(Device creator, String ballotId) {
        return creator.get("/vote/" + ballotId)
                .html()
                .select("[data-notice=manage_link] a[data-notice-link]")
                .attr("href");
    }

    /** Loads the vote page unless the device already has a device cookie (a real or, in some tests, a forged one). */
    public static void openVotePage(Device device, String ballotId) {
        if (device.cookie("oponn_device") == null) {
            device.get("/vote/" + ballotId);
        }
    }
}
