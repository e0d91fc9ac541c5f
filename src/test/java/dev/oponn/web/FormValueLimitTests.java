package dev.oponn.web;

import static dev.oponn.support.SecurityHeaderAssertions.assertSecurityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.OponnTest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form of many values of one name is refused from its raw bytes, in Jetty: the request never reaches the servlet
 * layer, where asking for its parameters would have cost half a second of CPU. A probe filter in front of every
 * other filter records the requests that got that far.
 */
@OponnTest
class FormValueLimitTests {

    private static final String VALID_BALLOT =
            "measure=Limits+hold&options_raw=yes,no&start_time_type=now&duration_mins=0";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServletProbe probe;

    Device device;

    @BeforeEach
    void device() {
        device = new Device(port);
        probe.reached.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-page", "/create"})
    void twentyOneThousandValuesOfOneNameAreRefusedBeforeTheApplication(String path) {
        long before = ballots();
        String body = "X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT + "&p=".repeat(21_000);
        probe.reached.clear();

        Response response = device.postRaw(path, "application/x-www-form-urlencoded", body, "Accept", "text/html");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.html().select("h1").text()).contains("400 bad_request");
        assertSecurityHeaders(response.headers(), "400 for 21,000 values on " + path);
        assertThat(probe.reached).as("requests that reached the servlet layer").isEmpty();
        assertThat(ballots()).isEqualTo(before);
    }

    @Test
    void valuesInTheQueryStringCountToo() {
        Response response = device.get("/?" + "p&".repeat(101));

        assertThat(response.status()).isEqualTo(400);
        assertThat(probe.reached).isEmpty();
    }

    @Test
    void aFormOfOneHundredValuesStillCreatesABallot() {
        long before = ballots();
        // The token and the four ballot fields, and 95 more that the form ignores.
        String body = "X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT + "&p=".repeat(95);

        Response response = device.postRaw("/create", "application/x-www-form-urlencoded", body);

        assertThat(response.status()).isEqualTo(303);
        assertThat(probe.reached).contains("/create");
        assertThat(ballots()).isEqualTo(before + 1);
    }

    @Test
    void aFormOfOneHundredAndOneValuesIsRefused() {
        long before = ballots();
        String body = "X-CSRF-Token=" + device.csrfToken() + "&" + VALID_BALLOT + "&p=".repeat(96);

        Response response = device.postRaw("/create", "application/x-www-form-urlencoded", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(ballots()).isEqualTo(before);
    }

    private long ballots() {
        return jdbc.sql("SELECT count(*) FROM ballot").query(Long.class).single();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        ServletProbe servletProbe() {
            return new ServletProbe();
        }

        @Bean
        FilterRegistrationBean<ServletProbe> servletProbeRegistration(ServletProbe probe) {
            FilterRegistrationBean<ServletProbe> registration = new FilterRegistrationBean<>(probe);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** Records the path of every POST or query-carrying request that reached the servlet layer. */
    static final class ServletProbe extends OncePerRequestFilter {

        final List<String> reached = new CopyOnWriteArrayList<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) || request.getQueryString() != null) {
                reached.add(request.getRequestURI());
            }
            chain.doFilter(request, response);
        }
    }
}
