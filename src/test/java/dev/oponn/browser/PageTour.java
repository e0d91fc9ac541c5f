package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Chrome;
import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page and state a person can meet, each as a stop the browser can be brought to: the phone-width, audit and
 * language tests walk the same list, so a page added here is checked by all of them. The ballots behind the stops
 * are made over HTTP first; a stop that needs the browser's own cookies (already voted, signed in) does its steps
 * in the browser.
 */
final class PageTour {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int STOPS_PER_BROWSER = 4;

    /** One page in one state; {@code visit} brings the browser there and waits until it is ready to look at. */
    record Stop(String name, Consumer<WebDriver> visit) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final int port;

    PageTour(int port) {
        this.port = port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The ballots the stops show, made once per tour. */
    List<Stop> stops() {
        Device owner = new Device(port);
        String measure = "Which long-named option should the whole department adopt for the next quarterly review?";
        String active = Flows.createBallot(
                owner, measure, "keep the current process, a considerably longer alternative option, abstain", true);
        String manage = Flows.manageLink(owner, active);
        for (String option : new String[] {"1", "1", "2"}) {
            assertThat(Flows.vote(new Device(port), active, option).status()).isEqualTo(303);
        }
        String ended = Flows.createBallot(owner, "Ended already?", "yes, no", false);
        String endedManage = Flows.manageLink(owner, ended);
        assertThat(owner.post(path(endedManage) + "/close").status()).isEqualTo(303);
        String pending = Flows.createBallotWith(
                owner,
                "measure",
                "Later on?",
                "options_raw",
                "yes, no",
                "start_time_type",
                "scheduled",
                "scheduled_start_time",
                Instant.now().plus(3, ChronoUnit.DAYS).toString(),
                "duration_mins",
                "60");
        String hidden = Flows.createBallotWith(
                owner,
                "measure",
                "Secret until the end?",
                "options_raw",
                "yes, no",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "results_visibility",
                "after_close");
        String challenged = Flows.createBallotWith(
                owner,
                "measure",
                "With a puzzle?",
                "options_raw",
                "yes, no",
                "start_time_type",
                "now",
                "duration_mins",
                "0",
                "vote_challenge",
                "on");

        String multiple = method(owner, "multiple", "max_choices", "2");
        String approval = method(owner, "approval");
        String ranked = method(owner, "ranked");
        String score = method(owner, "score");
        Device voter = new Device(port);
        Flows.openVotePage(voter, ranked);
        assertThat(voter.post("/vote/" + ranked, "rank_1", "1", "rank_2", "2").status())
                .isEqualTo(303);
        Flows.openVotePage(voter, score);
        assertThat(voter.post("/vote/" + score, "score_1", "5", "score_2", "3").status())
                .isEqualTo(303);
        Flows.openVotePage(voter, multiple);
        assertThat(voter.post("/vote/" + multiple, "option_id", "1", "option_id", "3")
                        .status())
                .isEqualTo(303);

        List<Stop> stops = new ArrayList<>();
        stops.add(page("dashboard", "/", "h1"));
        stops.add(page("create", "/create", "#create-form"));
        stops.add(new Stop("create_with_errors", browser -> {
            load(browser, "/create");
            browser.findElement(By.cssSelector("#create-form button[type=submit]"))
                    .click();
            waitFor(browser, "[data-error-for=measure]");
        }));
        stops.add(new Stop("create_scheduled", browser -> {
            load(browser, "/create");
            browser.findElement(By.cssSelector("input[name=start_time_type][value=scheduled]"))
                    .click();
            waitFor(browser, "#scheduled_start_time");
        }));
        stops.add(page("vote", "/vote/" + active, "#vote-form"));
        stops.add(new Stop("vote_with_error", browser -> {
            load(browser, "/vote/" + active);
            browser.findElement(By.cssSelector("#vote-form button[type=submit]"))
                    .click();
            waitFor(browser, "[data-error-for=option_id]");
        }));
        stops.add(page("vote_pending", "/vote/" + pending, "#vote-form"));
        stops.add(new Stop("vote_with_challenge", browser -> {
            load(browser, "/vote/" + challenged);
            new WebDriverWait(browser, WAIT)
                    .until(driver -> "true"
                            .equals(driver.findElement(By.id("vote-form")).getDomAttribute("data-challenge-solved")));
        }));
        stops.add(page("vote_ended", "/vote/" + ended, "#vote-form"));
        stops.add(new Stop("vote_already_voted", browser -> {
            load(browser, "/vote/" + active);
            browser.findElement(By.cssSelector("input[name=option_id][value='2']"))
                    .click();
            browser.findElement(By.cssSelector("#vote-form button[type=submit]"))
                    .click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/results/"));
            load(browser, "/vote/" + active);
            waitFor(browser, "#vote-panel .alert.info");
        }));
        stops.add(page("vote_multiple", "/vote/" + multiple, "#vote-form"));
        stops.add(page("vote_approval", "/vote/" + approval, "#vote-form"));
        stops.add(page("vote_ranked", "/vote/" + ranked, "#vote-form"));
        stops.add(page("vote_score", "/vote/" + score, "#vote-form"));
        stops.add(new Stop("vote_ranked_with_error", browser -> {
            load(browser, "/vote/" + ranked);
            browser.findElement(By.cssSelector("#vote-form button[type=submit]"))
                    .click();
            waitFor(browser, "#vote-panel .error");
        }));
        stops.add(page("results_multiple", "/results/" + multiple, "#results-panel"));
        stops.add(page("results_ranked", "/results/" + ranked, "[data-ranked]"));
        stops.add(page("results_score", "/results/" + score, "[data-score]"));
        stops.add(page("results_live", "/results/" + active, "#results-panel[data-version]"));
        stops.add(page("results_ended", "/results/" + ended, "#results-panel"));
        stops.add(page("results_hidden", "/results/" + hidden, "[data-hidden-notice]"));
        stops.add(page("manage", path(manage), "[data-control=close]"));
        stops.add(new Stop("manage_with_error", browser -> {
            load(browser, path(manage));
            browser.findElement(By.cssSelector("[data-control=delete] button[type=submit]"))
                    .click();
            waitFor(browser, "[data-error-for=confirm]");
        }));
        stops.add(new Stop("manage_with_cap_error", browser -> {
            load(browser, path(manage));
            var cap = browser.findElement(By.id("manage_per_address_cap"));
            cap.clear();
            cap.sendKeys("ten");
            browser.findElement(By.cssSelector("[data-control=cap] button[type=submit]"))
                    .click();
            waitFor(browser, "[data-error-for=per_address_cap]");
        }));
        stops.add(page("manage_ended", path(endedManage), "[data-control=reopen]"));
        stops.add(page("present", "/present/" + active, "#results-panel"));
        stops.add(page("login", "/login", "#mock-sign-in"));
        stops.add(page("not_found", "/vote/no-such-ballot", "h1"));
        stops.add(page("method_not_allowed", "/auth/mock-sign-in", "h1"));
        stops.add(new Stop("my_ballots", browser -> {
            signIn(browser, "Tour Person");
            load(browser, "/");
            waitFor(browser, "h1");
        }));
        stops.add(new Stop("sign_out", browser -> {
            signIn(browser, "Tour Person");
            load(browser, "/auth/logout");
            waitFor(browser, "main form[action='/auth/logout']");
        }));
        return stops;
    }

    /**
     * Brings a browser to each stop and hands it to {@code check}, with a fresh browser every few stops (prepared by
     * {@code setup}). Chromium keeps the socket of a live stream a page left for a while, and after about six of them
     * the next page waits half a minute for a connection: something a person opening one ballot never meets, and a
     * tour of twenty pages in seconds always does.
     */
    void walk(List<Stop> stops, Consumer<Chrome> setup, BiConsumer<Stop, Chrome> check) {
        Chrome chrome = null;
        try {
            for (int i = 0; i < stops.size(); i++) {
                if (i % STOPS_PER_BROWSER == 0) {
                    if (chrome != null) {
                        chrome.close();
                    }
                    chrome = new Chrome();
                    setup.accept(chrome);
                }
                stops.get(i).visit().accept(chrome.driver());
                check.accept(stops.get(i), chrome);
            }
        } finally {
            if (chrome != null) {
                chrome.close();
            }
        }
    }

    /** An active ballot counted by {@code method}, with four options and write-ins, made over HTTP. */
    private static String method(Device owner, String method, String... more) {
        String[] fields = {
            "measure",
            "Counted by " + method + "?",
            "options_raw",
            "north, south, east, west",
            "allow_write_in",
            "on",
            "start_time_type",
            "now",
            "duration_mins",
            "0",
            "voting_method",
            method
        };
        String[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return Flows.createBallotWith(owner, all);
    }

    private Stop page(String name, String path, String ready) {
        return new Stop(name, browser -> {
            load(browser, path);
            waitFor(browser, ready);
        });
    }

    /** A browser that is already signed in stays so; otherwise it signs in with the mock sign-in. */
    private void signIn(WebDriver browser, String name) {
        if (browser.manage().getCookieNamed("oponn_session") != null) {
            return;
        }
        load(browser, "/login");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.cssSelector("#mock-sign-in button[type=submit]")).click();
        waitFor(browser, "header .viewer");
    }

    void load(WebDriver browser, String path) {
        browser.get(url(path));
    }

    static void waitFor(WebDriver browser, String css) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static String path(String absolute) {
        return absolute.replaceFirst("^https?://[^/]+", "");
    }
}
