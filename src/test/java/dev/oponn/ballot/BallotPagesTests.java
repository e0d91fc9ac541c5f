package dev.oponn.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.OponnTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The create form and the pages around it, each with and without HTMX, as the reference describes them. */
@OponnTest
class BallotPagesTests {

    @LocalServerPort
    int port;

    Device device;

    @BeforeEach
    void newDevice() {
        device = new Device(port);
    }

    @Test
    void dashboardWelcomesGuestsWithoutListingAnyBallots() {
        Response page = device.get("/");
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select("a[href=/create]").text()).contains("init_guest_ballot");
        assertThat(html.select("a[href=/login]").text()).contains("sign_in");
        assertThat(html.select("a[href^=/vote/]")).isEmpty();
    }

    @Test
    void createPageIsAFullPageAndTheFormAloneForHtmx() {
        Response full = device.get("/create");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body()).contains("<html");
        assertThat(full.html().select("form#create-form button").text()).isEqualTo("init_ballot");
        assertThat(full.html().select("body").attr("hx-headers")).contains("X-CSRF-Token");

        Response fragment = device.getHtmx("/create");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"create-form\"");
    }

    @Test
    void createFormOffersTheReferenceFieldsAndDurations() {
        Document html = device.get("/create").html();
        assertThat(html.select("input[name=measure]")).hasSize(1);
        assertThat(html.select("input[name=options_raw]")).hasSize(1);
        assertThat(html.select("input[type=checkbox][name=allow_write_in]")).hasSize(1);
        assertThat(html.select("input[name=start_time_type]").eachAttr("value")).containsExactly("now", "scheduled");
        assertThat(html.select("select[name=duration_mins] option").eachAttr("value"))
                .containsExactly("10", "60", "1440", "0");
        assertThat(html.select("input[name=X-CSRF-Token]").attr("value")).isEqualTo(device.csrfToken());
    }

    @Test
    void startTimePartialIsAnInputForScheduledAndEmptyForNow() {
        Response scheduled = device.getHtmx("/partials/start-time-input?start_time_type=scheduled");
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.html().select("input[name=scheduled_start_time]")).hasSize(1);
        assertThat(scheduled.html().select("label").text()).isEqualTo("commencement_timestamp");

        Response now = device.getHtmx("/partials/start-time-input?start_time_type=now");
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.body()).isBlank();

        assertThat(device.get("/partials/start-time-input?start_time_type=scheduled")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void validCreateRedirectsWith303ToTheVotePage() {
        Response created = create("options_raw", "pizza, soup", "duration_mins", "60");
        assertThat(created.status()).isEqualTo(303);
        assertThat(created.header("Location")).matches(".*/vote/[A-Za-z0-9_-]{22}");
        assertThat(device.get(created.header("Location").replaceFirst("^https?://[^/]+", ""))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void validCreateOverHtmxAnswers204WithHxRedirect() {
        Response created = createHtmx("options_raw", "pizza, soup", "duration_mins", "60");
        assertThat(created.status()).isEqualTo(204);
        assertThat(created.header("HX-Redirect")).matches("/vote/[A-Za-z0-9_-]{22}");
        assertThat(created.body()).isEmpty();
    }

    @Test
    void measureShorterThanThreeCharactersIsRejectedKeepingEveryValue() {
        Response page =
                create("measure", "ab", "options_raw", "one, two", "allow_write_in", "on", "duration_mins", "1440");
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(error(html, "measure")).isEqualTo("at least 3 characters");
        assertThat(html.select("input[name=measure]").val()).isEqualTo("ab");
        assertThat(html.select("input[name=options_raw]").val()).isEqualTo("one, two");
        assertThat(html.select("input[name=allow_write_in]").hasAttr("checked")).isTrue();
        assertThat(html.select("select[name=duration_mins] option[selected]").val())
                .isEqualTo("1440");
    }

    @Test
    void measureLongerThan255CharactersIsRejected() {
        Response page = create("measure", "x".repeat(256));
        assertThat(error(page.html(), "measure")).isEqualTo("at most 255 characters");
        assertThat(page.html().select("input[name=measure]").val()).hasSize(256);
    }

    @Test
    void invalidCreateOverHtmxReturnsOnlyTheFormWithTheMessage() {
        Response fragment = createHtmx("measure", "ab");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html");
        assertThat(error(fragment.html(), "measure")).isEqualTo("at least 3 characters");
    }

    @Test
    void fewerThanTwoOptionsWithoutWriteInsIsRejected() {
        Response page = create("measure", "Pick one", "options_raw", " only , ,");
        assertThat(error(page.html(), "options_raw")).isEqualTo("at least 2 options when write-ins are disabled");
        assertThat(page.html().select("input[name=options_raw]").val()).isEqualTo(" only , ,");
    }

    @Test
    void oneOptionIsEnoughWhenWriteInsAreAllowed() {
        Response created = create("measure", "Name it", "options_raw", "first idea", "allow_write_in", "on");
        assertThat(created.status()).isEqualTo(303);
    }

    @Test
    void noOptionAtAllIsRejectedEvenWithWriteIns() {
        Response page = create("measure", "Name it", "options_raw", " , ", "allow_write_in", "on");
        assertThat(error(page.html(), "options_raw")).isEqualTo("at least 1 option when write-ins are enabled");
    }

    @Test
    void optionLongerThan64CharactersIsRejected() {
        Response page = create("measure", "Pick one", "options_raw", "short, " + "y".repeat(65));
        assertThat(error(page.html(), "options_raw")).isEqualTo("between 1 and 64 characters");
    }

    @Test
    void optionsThatReadTheSameAreRejected() {
        Response page = create("measure", "Pick one", "options_raw", "Tea, tea ");
        assertThat(error(page.html(), "options_raw")).isEqualTo("options must differ from each other");
    }

    @Test
    void scheduledStartWithoutATimeIsRejected() {
        Response page = create("measure", "Later", "start_time_type", "scheduled", "scheduled_start_time", "");
        assertThat(error(page.html(), "scheduled_start_time"))
                .isEqualTo("Scheduled start time is required when 'scheduled' is selected");
        assertThat(page.html()
                        .select("input[name=start_time_type][value=scheduled]")
                        .hasAttr("checked"))
                .isTrue();
    }

    @Test
    void scheduledStartInThePastIsRejected() {
        String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        Response page = create("measure", "Later", "start_time_type", "scheduled", "scheduled_start_time", past);
        assertThat(error(page.html(), "scheduled_start_time")).isEqualTo("Scheduled start time must be in the future");
        assertThat(page.html().select("input[name=scheduled_start_time]").val()).isEqualTo(past);
    }

    @Test
    void scheduledStartThatIsNotATimeIsRejected() {
        Response page =
                create("measure", "Later", "start_time_type", "scheduled", "scheduled_start_time", "next tuesday");
        assertThat(error(page.html(), "scheduled_start_time")).isEqualTo("Invalid scheduled start time format");
    }

    @Test
    void scheduledBallotIsPendingWithTimeUntilStart() {
        String inTwoHours = Instant.now()
                .plus(2, ChronoUnit.HOURS)
                .plus(5, ChronoUnit.MINUTES)
                .toString();
        Response created = create(
                "measure",
                "Later",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                inTwoHours,
                "duration_mins",
                "60");
        assertThat(created.status()).isEqualTo(303);
        Document vote = device.get(path(created)).html();
        assertThat(vote.select(".status").text()).isEqualTo("starts in 2 hours");
        assertThat(vote.select("button[type=submit]").hasAttr("disabled")).isTrue();
    }

    @Test
    void browserLocalTimeIsReadWithTheBrowsersOffset() {
        // A datetime-local value three hours ahead in UTC-2 is one hour ahead... plus two: 5 hours from now in UTC.
        java.time.LocalDateTime local = java.time.LocalDateTime.now(java.time.ZoneOffset.ofHours(-2))
                .plusHours(3)
                .plusMinutes(1)
                .withNano(0);
        Response created = create(
                "measure",
                "Local",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                local.toString(),
                "tz_offset_mins",
                "120",
                "duration_mins",
                "60");
        assertThat(created.status()).isEqualTo(303);
        assertThat(device.get(path(created)).html().select(".status").text()).isEqualTo("starts in 3 hours");
    }

    @Test
    void durationThatIsNotANumberIsRejected() {
        Response page = create("measure", "How long", "duration_mins", "forever");
        assertThat(error(page.html(), "duration_mins")).isEqualTo("Duration must be a whole number of minutes");
        Response negative = create("measure", "How long", "duration_mins", "-5");
        assertThat(error(negative.html(), "duration_mins")).startsWith("Duration must be between 0");
    }

    @Test
    void unknownStartTimeTypeIsRejected() {
        Response page = create("measure", "When", "start_time_type", "yesterday");
        assertThat(error(page.html(), "start_time_type")).isEqualTo("Start time must be 'now' or 'scheduled'");
    }

    @Test
    void indefiniteBallotSaysVotingOpen() {
        Response created = create("measure", "Forever", "duration_mins", "0");
        assertThat(device.get(path(created)).html().select(".status").text()).isEqualTo("voting open");
    }

    @Test
    void loginPageOffersGuestAccess() {
        Response page = device.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("h1").text()).contains("sign_in");
        assertThat(page.html().select("main a[href=/create]").text()).isEqualTo("continue_as_guest");
        assertThat(device.getHtmx("/login").status()).isEqualTo(200);
    }

    /** Posts the create form: a valid ballot unless {@code fields} (name, value, ...) say otherwise. */
    private Response create(String... fields) {
        return device.post("/create", withDefaults(fields));
    }

    private Response createHtmx(String... fields) {
        return device.postHtmx("/create", withDefaults(fields));
    }

    private static String[] withDefaults(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("measure", "Lunch?");
        form.put("options_raw", "a, b");
        form.put("start_time_type", "now");
        form.put("duration_mins", "10");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private static String error(Document html, String field) {
        return html.select("[data-error-for=" + field + "]").text();
    }

    private static String path(Response created) {
        return created.header("Location").replaceFirst("^https?://[^/]+", "");
    }
}
