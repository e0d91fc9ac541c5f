package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every state-changing route of the running application refuses a forged request: with a valid token but another
 * site's {@code Origin}, with a valid token but {@code Sec-Fetch-Site: cross-site}, and with a cookie and field the
 * server never issued. The routes are read from the application's handler mappings, so a route added later is
 * covered without a change here (a path variable this test cannot fill fails it, to be taught). Sign-out is a
 * filter, not a mapping, and is added by hand. The public API ({@code /api/}) is left out: it is cookie-less and
 * exempt from the token by design ({@code api.ApiSecurity}; {@code SameOriginRequests} still refuses it cookies
 * from another site, see {@code ApiSecurityTests}).
 *
 * <p>Checked to fail when it should, when it was written: exempting {@code /manage/**} and
 * {@code /auth/mock-sign-in} from the token locally ({@code csrf.ignoringRequestMatchers} in {@code api.ApiSecurity})
 * failed it with the planted pair on each of those routes (303, 400, 409: the controllers ran).
 */
@OponnTest
class CsrfOnEveryRouteTests {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final String FORM = "measure=Forged&options_raw=a,b&start_time_type=now&duration_mins=10"
            + "&option_id=1&name=Mallory&minutes=60&visibility=public&voters=anyone&X-CSRF-Token=";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStateChangingRouteRefusesAForeignOriginACrossSiteFetchAndAPlantedToken() {
        Device guest = new Device(port);
        String guestBallot = Flows.createBallot(guest, "Guest's", "a, b", true);
        String link = Flows.manageLink(guest, guestBallot);
        String key = link.substring(link.lastIndexOf('/') + 1);
        assertThat(key).hasSize(43);

        Device owner = new Device(port);
        assertThat(owner.post("/auth/mock-sign-in", "name", "Owner").status()).isEqualTo(303);
        owner.get("/"); // the token rotated at sign-in: this picks up the new one
        String ownedBallot = Flows.createBallot(owner, "Owner's", "a, b", true);
        owner.get("/vote/" + ownedBallot);
        guest.get("/vote/" + guestBallot);
        assertThat(owner.cookie("oponn_device")).as("the owner could vote").isNotNull();

        List<Route> routes = routes(guestBallot, ownedBallot, key);
        assertThat(routes)
                .as("the routes this test knows are among those found")
                .extracting(Route::path)
                .contains(
                        "/create",
                        "/vote/" + ownedBallot,
                        "/auth/mock-sign-in",
                        "/auth/logout",
                        "/manage/" + guestBallot + "/" + key + "/delete",
                        "/manage/" + ownedBallot + "/close");

        String before = state(guestBallot, ownedBallot);
        List<String> passed = new ArrayList<>();
        for (Route route : routes) {
            Device device = route.asGuest() ? guest : owner;
            String token = device.csrfToken();
            String body = FORM + token;
            record Attempt(String name, Response response) {}
            List<Attempt> attempts = new ArrayList<>();
            attempts.add(new Attempt(
                    "foreign Origin",
                    device.send(
                            route.method(),
                            route.path(),
                            "application/x-www-form-urlencoded",
                            body,
                            "X-CSRF-Token",
                            token,
                            "Origin",
                            "http://evil.example")));
            attempts.add(new Attempt(
                    "cross-site fetch",
                    device.send(
                            route.method(),
                            route.path(),
                            "application/x-www-form-urlencoded",
                            body,
                            "X-CSRF-Token",
                            token,
                            "Sec-Fetch-Site",
                            "cross-site")));
            device.setCookie("oponn_csrf_token", "planted");
            attempts.add(new Attempt(
                    "planted token",
                    device.send(
                            route.method(),
                            route.path(),
                            "application/x-www-form-urlencoded",
                            FORM + "planted",
                            "X-CSRF-Token",
                            "planted")));
            device.setCookie("oponn_csrf_token", token);
            for (Attempt attempt : attempts) {
                if (attempt.response().status() != 403) {
                    passed.add(route + " with a " + attempt.name() + ": "
                            + attempt.response().status());
                }
            }
        }

        assertThat(passed).as("forged requests that were not refused with 403").isEmpty();
        assertThat(state(guestBallot, ownedBallot)).as("nothing changed").isEqualTo(before);
        assertThat(owner.get("/").html().select("header .viewer").text())
                .as("still signed in as the same person")
                .isEqualTo("Owner");
        assertThat(guest.get("/").html().select("header .viewer").text())
                .as("the guest was not signed in")
                .isEmpty();
        assertThat(guest.get(link.substring(link.indexOf("/manage/"))).status())
                .as("the manage link still works")
                .isEqualTo(200);
    }

    /** Each route with a state-changing method, its variables filled; manage-key routes are the guest's. */
    private List<Route> routes(String guestBallot, String ownedBallot, String key) {
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                // A mapping without methods answers all of them.
                List<String> methods = declared.isEmpty()
                        ? List.of("POST", "PUT", "PATCH", "DELETE")
                        : declared.stream()
                                .map(RequestMethod::name)
                                .filter(method -> !SAFE.contains(method))
                                .toList();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty() || pattern.startsWith(ProgramRoutes.PREFIX)) {
                        continue;
                    }
                    boolean asGuest = pattern.contains("{key}");
                    for (String path : filled(pattern, asGuest ? guestBallot : ownedBallot, key)) {
                        for (String method : methods) {
                            routes.add(new Route(method, path, asGuest));
                        }
                    }
                }
            }
        }
        routes.add(new Route("POST", "/auth/logout", false));
        return List.copyOf(routes);
    }

    private static List<String> filled(String pattern, String ballot, String key) {
        Matcher variable = VARIABLE.matcher(pattern);
        if (!variable.find()) {
            return List.of(pattern);
        }
        String name = variable.group(1);
        String regex = variable.group(2);
        List<String> values = switch (name) {
            case "id" -> List.of(ballot);
            case "key" -> List.of(key);
            default -> {
                if (regex == null || !regex.matches("[a-z-]+(\\|[a-z-]+)*")) {
                    throw new AssertionError("a new path variable in " + pattern + ": teach this test what it holds");
                }
                yield List.of(regex.split("\\|"));
            }
        };
        List<String> paths = new ArrayList<>();
        for (String value : values) {
            String once = pattern.substring(0, variable.start()) + value + pattern.substring(variable.end());
            paths.addAll(filled(once, ballot, key));
        }
        return paths;
    }

    /** Everything a forged request could change about the two ballots and the data behind them. */
    private String state(String guestBallot, String ownedBallot) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM ballot) || ' ballots, '
                            || (SELECT count(*) FROM ballot_voter) || ' voters, '
                            || (SELECT count(*) FROM ballot_option) || ' options, '
                            || (SELECT coalesce(sum(votes), 0) FROM tally_shard) || ' votes, '
                            || (SELECT count(*) FROM account) || ' accounts; '
                            || (SELECT string_agg(md5(b::text), ',' ORDER BY id) FROM ballot b
                                WHERE id IN (:guest, :owned))
                        """)
                .param("guest", guestBallot)
                .param("owned", ownedBallot)
                .query(String.class)
                .single();
    }

    private record Route(String method, String path, boolean asGuest) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
