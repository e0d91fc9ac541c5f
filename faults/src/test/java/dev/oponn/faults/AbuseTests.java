package dev.oponn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The abuse cases of issue 14 against the real processes of the suite's cluster, each with the pass criterion the
 * issue states. Application tests prove the same defences inside one JVM ({@code web.RequestLimitsTests},
 * {@code web.RequestSafetyTests}, {@code web.HeadTimeoutTests}, {@code live.StreamAdmissionTests},
 * {@code web.NoSecretsInLogsTests}, {@code vote.ConcurrentVotingTests}); these hold the built jar to them.
 */
@Order(2)
@ExtendWith(SuiteExtension.class)
class AbuseTests {

    private final Suite suite;
    private final Rig rig;

    AbuseTests(Suite suite) {
        this.suite = suite;
        this.rig = suite.rig();
    }

    @Test
    @Order(1)
    void oneDevicePostingAThousandConcurrentVotesOverBothInstancesCountsOnce() throws Exception {
        try (Clients clients = new Clients(4, 240)) {
            String ballot = Ballots.create(clients, rig.instance(0), "one device, a thousand votes", "a, b, c", false);
            Device device = new Device(clients.next());
            device.open(rig.instance(1).base(), ballot);
            Map<String, Long> seen = new ConcurrentHashMap<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> posts = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    OponnInstance on = rig.instance(i % 2);
                    String option = Integer.toString(1 + i % 3);
                    posts.add(threads.submit(() -> {
                        String answer;
                        try {
                            HttpResponse<String> response =
                                    device.post(on.base(), "/vote/" + ballot, "option_id", option);
                            answer = Load.classify(response) + " " + response.statusCode();
                        } catch (IOException e) {
                            answer = "cut";
                        }
                        seen.merge(answer, 1L, Long::sum);
                        return null;
                    }));
                }
                for (Future<?> post : posts) {
                    post.get();
                }
            }
            long counted = Checker.tallies(rig, java.util.Set.of(ballot)).get(ballot).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long voters = count("SELECT count(*) FROM ballot_voter WHERE ballot_id = '" + ballot + "'");
            boolean passed = counted == 1 && voters == 1 && seen.getOrDefault("OK 204", 0L) == 1;
            suite.report()
                    .add(Report.Row.abuse(
                            "one device, 1,000 concurrent votes over 2 instances",
                            1000,
                            new TreeMap<>(seen),
                            "counted " + counted + ", voter rows " + voters,
                            passed));

            assertThat(counted).as("votes counted").isEqualTo(1);
            assertThat(voters).as("voter rows").isEqualTo(1);
            assertThat(seen.get("OK 204")).as("acknowledged: %s", seen).isEqualTo(1);
        }
    }

    private static final int RANDOM_IDS = 25_000;
    private static final int RANDOM_GETS = 98_000;
    private static final int RANDOM_POSTS = 2_000;

    @Test
    @Order(2)
    void randomBallotIdsAllGetTheSame404AndNoIdReachesALog() throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RANDOM_IDS; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            ids.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        Map<String, Long> seen = new ConcurrentHashMap<>();
        Map<String, String> bodies = new ConcurrentHashMap<>();
        try (Clients clients = new Clients(8, 241);
                Clients one = new Clients(1, 242);
                ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<?>> gets = new ArrayList<>();
            String[] routes = {"/vote/", "/results/", "/ballots/%s/live-results", "/manage/%s/"};
            for (int i = 0; i < RANDOM_GETS; i++) {
                String id = ids.get(i % ids.size());
                String route = routes[i % routes.length];
                String path = route.contains("%s") ? route.formatted(id) : route + id;
                if (path.endsWith("/")) {
                    path = path + ids.get((i + 1) % ids.size());
                }
                OponnInstance on = rig.instance(i % 2);
                String requested = path;
                Device device = new Device(clients.next());
                gets.add(threads.submit(() -> {
                    HttpResponse<String> response = device.get(on.base(), requested);
                    seen.merge("GET " + response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() == 404) {
                        bodies.putIfAbsent(route + " " + response.body().length(), response.body());
                    }
                    return null;
                }));
            }
            for (Future<?> get : gets) {
                get.get();
            }
            // One address posting votes to ballots that do not exist, faster than its bucket refills (1,200 a
            // minute): 404 until the vote limit, then 429.
            Device poster = new Device(one.next());
            poster.get(rig.instance(0).base(), "/create");
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < RANDOM_POSTS; i++) {
                OponnInstance on = rig.instance(i % 2);
                String id = ids.get(i % ids.size());
                posts.add(threads.submit(() -> {
                    HttpResponse<String> response = poster.post(on.base(), "/vote/" + id, "option_id", "1");
                    seen.merge("POST " + response.statusCode(), 1L, Long::sum);
                    return null;
                }));
            }
            for (Future<?> post : posts) {
                post.get();
            }
        }
        // A guest's ballot managed through its link: neither its id nor its manage key may reach a log either.
        String manageKey;
        try (Clients owner = new Clients(1, 239)) {
            Device creator = new Device(owner.next());
            String guest = Ballots.create(creator, rig.instance(0), "managed by link", "a, b", false);
            String page = creator.get(rig.instance(0).base(), "/vote/" + guest).body();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("/manage/" + guest + "/([A-Za-z0-9_-]+)")
                    .matcher(page);
            manageKey = link.find() ? link.group(1) : "";
            if (!manageKey.isEmpty()) {
                creator.get(rig.instance(1).base(), link.group());
                creator.post(rig.instance(1).base(), link.group() + "/extend", "duration_mins", "60");
                creator.get(rig.instance(0).base(), "/manage/" + guest + "/not-the-key");
            }
        }
        String logs = rig.logs();
        List<String> secrets = new ArrayList<>(ids);
        secrets.addAll(ballotIds());
        if (!manageKey.isEmpty()) {
            secrets.add(manageKey);
        }
        // Every stretch of the logs as long as a secret, in a set, looked up once per secret: a scan of the logs per
        // secret (25,000 of them) would not finish in the suite's time.
        Set<Integer> lengths = new HashSet<>();
        secrets.forEach(secret -> lengths.add(secret.length()));
        Set<String> stretches = new HashSet<>();
        java.util.regex.Matcher word =
                java.util.regex.Pattern.compile("[A-Za-z0-9_-]+").matcher(logs);
        while (word.find()) {
            String w = word.group();
            for (int length : lengths) {
                for (int at = 0; at + length <= w.length(); at++) {
                    stretches.add(w.substring(at, at + length));
                }
            }
        }
        long leaked = secrets.stream().filter(stretches::contains).count();
        boolean passed = !manageKey.isEmpty()
                && seen.keySet().stream()
                        .allMatch(k -> k.equals("GET 404")
                                || k.equals("GET 429")
                                || k.equals("POST 404")
                                || k.equals("POST 429"))
                && seen.containsKey("POST 429")
                && leaked == 0;
        suite.report()
                .add(Report.Row.abuse(
                        "100,000 requests for random ballot ids",
                        RANDOM_GETS + RANDOM_POSTS,
                        new TreeMap<>(seen),
                        "distinct 404 bodies "
                                + bodies.values().stream().distinct().count() + "; of " + secrets.size()
                                + " random ids, ballot ids and a manage key, in logs: " + leaked,
                        passed));

        assertThat(seen.keySet())
                .as("every answer: the 404, or 429 once an address passed its stream or vote limit")
                .isSubsetOf("GET 404", "GET 429", "POST 404", "POST 429");
        assertThat(seen.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RANDOM_GETS + RANDOM_POSTS);
        assertThat(seen).as("one address is rate limited").containsKey("POST 429");
        assertThat(bodies.values().stream().distinct().count())
                .as("every 404 is the same page, whatever the route: %s", bodies.keySet())
                .isEqualTo(1);
        assertThat(manageKey)
                .as("the guest creator's manage key, from its vote page")
                .isNotEmpty();
        assertThat(leaked)
                .as("random ids, ballot ids and the manage key written to a log (%d checked)", secrets.size())
                .isZero();
    }

    @Test
    @Order(3)
    void oversizedAndMalformedRequestsGetAFast4xxPageAndWriteNothing() throws Exception {
        String ballot;
        Device device;
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        Map<String, Long> before;
        try (Clients clients = new Clients(2, 243)) {
            ballot = Ballots.create(clients, rig.instance(0), "malformed requests", "a, b", true);
            device = new Device(clients.next());
            device.open(rig.instance(1).base(), ballot);
        }
        before = rows();
        InetAddress from = Clients.address(244, 0);
        int port = rig.instance(1).port();
        String cookies = "Cookie: " + device.cookieHeader() + "\r\n";
        String csrf = "X-CSRF-Token=" + Device.encode(device.csrf()) + "&";
        answers.put(
                "huge form (200 KB)",
                RawHttp.exchange(
                        from,
                        port,
                        post(
                                "/create",
                                cookies,
                                csrf + "measure=" + "x".repeat(200_000)
                                        + "&options_raw=a,b&start_time_type=now&duration_mins=0")));
        answers.put(
                "10,000 parameters",
                RawHttp.exchange(
                        from, port, post("/vote/" + ballot, cookies, csrf + "option_id=1&" + "p=1&".repeat(10_000))));
        answers.put(
                "invalid UTF-8 in a form",
                RawHttp.exchange(
                        from,
                        port,
                        post(
                                "/create",
                                cookies,
                                csrf + "measure=%FF%FEbad&options_raw=a,b&start_time_type=now&duration_mins=0")));
        answers.put(
                "NUL in a write-in (field)",
                RawHttp.exchange(
                        from,
                        port,
                        post("/vote/" + ballot, cookies, csrf + "option_id=__write_in__&write_in_value=a%00b")));
        answers.put(
                "NUL in a question (field)",
                RawHttp.exchange(
                        from,
                        port,
                        post(
                                "/create",
                                cookies,
                                csrf + "measure=a%00b&options_raw=a,b&start_time_type=now&duration_mins=0")));
        answers.put(
                "NUL in the path",
                RawHttp.exchange(
                        from,
                        port,
                        RawHttp.ascii("GET /vote/%00" + ballot
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n")));
        answers.put(
                "lone surrogate in a form",
                RawHttp.exchange(
                        from,
                        port,
                        post("/vote/" + ballot, cookies, csrf + "option_id=__write_in__&write_in_value=%ED%A0%80")));
        answers.put(
                "invalid UTF-8 in the path",
                RawHttp.exchange(
                        from,
                        port,
                        RawHttp.concat(
                                RawHttp.ascii("GET /vote/"),
                                new byte[] {(byte) 0xff, (byte) 0xfe},
                                RawHttp.ascii(
                                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n"))));
        answers.put(
                "100 KB of headers",
                RawHttp.exchange(
                        from,
                        port,
                        RawHttp.ascii("GET /vote/" + ballot
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nX-Big: " + "b".repeat(100_000)
                                + "\r\nConnection: close\r\n\r\n")));
        answers.put("endless chunked body", endlessChunked(from, port, cookies));
        Map<String, Long> after = rows();

        Map<String, Long> seen = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        answers.forEach((what, answer) -> {
            seen.merge(what + ": " + answer.status(), 1L, Long::sum);
            // A field the form validates is refused as every field is, by design: the form again with the field's
            // message (200, which htmx swaps in), as vote.VoteDefencesTests pins for write-ins.
            boolean fieldRefused = what.endsWith("(field)")
                    && answer.status() == 200
                    && answer.body().contains("data-error-for=");
            boolean pageRefused = answer.status() >= 400 && answer.status() < 500 && answer.oponnErrorPage();
            if (!(fieldRefused || pageRefused) || answer.leaksInternals()) {
                bad.add(what + " -> " + answer.status() + "\n" + answer.head() + answer.body());
            }
        });
        suite.report()
                .add(Report.Row.abuse(
                        "oversized and malformed requests",
                        answers.size(),
                        seen,
                        before.equals(after) ? "nothing written" : "rows changed: " + before + " -> " + after,
                        bad.isEmpty() && before.equals(after)));

        assertThat(bad)
                .as("answers that are not a 4xx with Oponn's page and nothing internal")
                .isEmpty();
        assertThat(after).as("rows in every table the requests could touch").isEqualTo(before);
    }

    /** Sends chunks of 8 KB for as long as the server reads them, then reads its answer. */
    private static RawHttp.Answer endlessChunked(InetAddress from, int port, String cookies) throws IOException {
        try (java.net.Socket socket = RawHttp.connect(from, port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(RawHttp.ascii("POST /create HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n" + cookies
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = RawHttp.ascii(Integer.toHexString(8192) + "\r\n" + "m".repeat(8192) + "\r\n");
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The server stopped reading: its answer should be waiting.
            }
            return RawHttp.read(socket.getInputStream());
        }
    }

    private static byte[] post(String path, String cookies, String body) {
        return RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n" + cookies
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private List<String> ballotIds() {
        List<String> ids = new ArrayList<>();
        try (Connection c = rig.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM ballot")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("ballot", "ballot_option", "ballot_voter", "ballot_key")) {
            rows.put(table, count("SELECT count(*) FROM " + table));
        }
        rows.put("votes", count("SELECT coalesce(sum(votes), 0) FROM tally_shard"));
        return rows;
    }

    private long count(String sql) {
        try (Connection c = rig.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
