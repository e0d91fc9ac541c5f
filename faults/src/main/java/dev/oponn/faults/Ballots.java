package dev.oponn.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Creates ballots through the create form, as a person does: open it (CSRF cookie), post it. */
final class Ballots {

    private Ballots() {}

    /** {@code count} ballots with {@code options} options each (ids 1..options), open now, no end. */
    static List<String> create(Clients clients, OponnInstance on, String measure, int count, int options) {
        List<String> labels = new ArrayList<>();
        for (int o = 1; o <= options; o++) {
            labels.add("choice " + o);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(create(clients, on, measure + " " + i, String.join(", ", labels), false));
        }
        return ids;
    }

    static String create(Clients clients, OponnInstance on, String measure, String options, boolean writeIns) {
        return create(new Device(clients.next()), on, measure, options, writeIns);
    }

    /** As the given device, which then holds the guest creator's one-time manage-link cookie. */
    static String create(Device creator, OponnInstance on, String measure, String options, boolean writeIns) {
        try {
            creator.get(on.base(), "/create");
            HttpResponse<String> created = creator.post(
                    on.base(),
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
            String target = created.headers()
                    .firstValue("HX-Redirect")
                    .or(() -> created.headers().firstValue("Location"))
                    .orElse("");
            if (!target.contains("/vote/")) {
                throw new IllegalStateException(
                        "create answered " + created.statusCode() + " without a ballot: " + created.body());
            }
            return target.substring(target.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new IllegalStateException("could not create a ballot on " + on.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
