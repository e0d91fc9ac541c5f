package dev.oponn.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps most tests share, through HTTP like a browser without HTMX. */
public final class Flows {

    private Flows() {}

    /** Creates an active ballot with no end and returns its id. */
    public static String createBallot(Device device, String measure, String options, boolean writeIns) {
        Device.Response created = device.post(
                "/create",
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
        assertThat(created.status())
                .as("create answers 303, body: %s", created.body())
                .isEqualTo(303);
        String location = created.header("Location");
        assertThat(location).contains("/vote/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static Device.Response vote(Device device, String ballotId, String optionId) {
        return device.post("/vote/" + ballotId, "option_id", optionId);
    }

    public static Device.Response writeIn(Device device, String ballotId, String text) {
        return device.post("/vote/" + ballotId, "option_id", "__write_in__", "write_in_value", text);
    }
}
