package dev.oponn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address a request is limited under; X-Forwarded-For counts only when a trusted proxy wrote it. */
class ClientAddressesTests {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new ProxyProperties(List.of(proxies)));
    }

    private static String client(ClientAddresses addresses, String peer, String... forwardedFor) {
        return addresses.resolve(peer, Collections.enumeration(List.of(forwardedFor)));
    }

    @Test
    void ignoresForwardedForWhenNoProxyIsTrusted() {
        assertThat(client(trusting(), "198.51.100.4", "203.0.113.9")).isEqualTo("198.51.100.4");
    }

    @Test
    void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
        assertThat(client(trusting("10.0.0.0/8"), "198.51.100.4", "203.0.113.9"))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void takesTheAddressTheTrustedProxySaw() {
        assertThat(client(trusting("10.0.0.0/8"), "10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void neverBelievesWhatTheClientWroteLeftOfItsOwnAddress() {
        assertThat(client(trusting("10.0.0.0/8"), "10.1.2.3", "1.2.3.4, 203.0.113.9"))
                .isEqualTo("203.0.113.9");
        assertThat(client(trusting("10.0.0.0/8"), "10.1.2.3", "1.2.3.4", "203.0.113.9"))
                .as("several header lines are one list")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void walksBackThroughAChainOfTrustedProxies() {
        assertThat(client(trusting("10.0.0.0/8", "192.0.2.7"), "10.1.2.3", "1.2.3.4, 203.0.113.9, 192.0.2.7, 10.9.9.9"))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void stopsAtTheLastVouchedAddressWhenAHopIsNotAnAddress() {
        assertThat(client(trusting("10.0.0.0/8"), "10.1.2.3", "203.0.113.9, unknown"))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void keepsThePeerWhenTheTrustedProxySentNoHeader() {
        assertThat(client(trusting("127.0.0.1"), "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void matchesIpv6Ranges() {
        assertThat(client(trusting("2001:db8::/32"), "2001:db8::1", "2001:4860::8888"))
                .isEqualTo("2001:4860::8888");
    }

    @Test
    void groupsIpv6ClientsByTheirSlash64() {
        ClientAddresses addresses = trusting();
        MockHttpServletRequest one = new MockHttpServletRequest();
        one.setRemoteAddr("2001:db8:1:2:aaaa::1");
        MockHttpServletRequest other = new MockHttpServletRequest();
        other.setRemoteAddr("2001:db8:1:2:bbbb::2");
        MockHttpServletRequest elsewhere = new MockHttpServletRequest();
        elsewhere.setRemoteAddr("2001:db8:1:3::1");

        assertThat(addresses.limitKey(one)).isEqualTo(addresses.limitKey(other)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(addresses.limitKey(elsewhere)).isNotEqualTo(addresses.limitKey(one));

        MockHttpServletRequest ipv4 = new MockHttpServletRequest();
        ipv4.setRemoteAddr("203.0.113.9");
        assertThat(addresses.limitKey(ipv4)).isEqualTo("203.0.113.9");
    }

    @Test
    void refusesASettingThatIsNotAnAddressWithoutLookingItUp() {
        assertThatThrownBy(() -> trusting("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "OPONN_PROXY_TRUSTED_ADDRESSES holds 'proxy.internal', which is not an IP address or CIDR range.");
    }
}
