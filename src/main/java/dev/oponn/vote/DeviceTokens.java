package dev.oponn.vote;

import dev.oponn.account.AccountId;
import dev.oponn.ballot.BallotId;
import dev.oponn.platform.OponnProperties;
import dev.oponn.platform.ServerSecret;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the device cookie {@code oponn_device = id.signature}. A forged or damaged token is treated
 * as no token. The database never sees the device id: only {@link #voterKey}, an HMAC of device and ballot, so
 * the voter rows of two ballots cannot be joined to find one device.
 */
@Component
class DeviceTokens {

    static final String COOKIE = "oponn_device";
    private static final Duration LIFETIME = Duration.ofDays(400);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final ServerSecret secret;
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();

    DeviceTokens(ServerSecret secret, OponnProperties properties) {
        this.secret = secret;
        this.secureCookies = properties.secureCookies();
    }

    Optional<DeviceId> current(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> verify(c.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * A program's device: the same signed token the cookie carries, sent in the {@code Oponn-Device} header. A
     * forged or damaged token is no device, as for the cookie.
     */
    Optional<DeviceId> fromToken(String token) {
        return verify(token.strip());
    }

    /** A new device for a program, as its token; nothing is stored, as for a browser's cookie. */
    String issueToken() {
        DeviceId device = newDevice();
        return device.value() + "." + signature(device.value());
    }

    byte[] voterKey(BallotId ballot, DeviceId device) {
        return secret.mac("voter", ballot.value(), device.value());
    }

    /**
     * The voter key on a ballot only signed-in accounts may vote on: the account, never the device, is the voter,
     * keyed like a device ({@code "account:"} cannot begin a device id, so the two never collide). The database
     * sees only this HMAC, which names neither the account nor any other ballot.
     */
    byte[] voterKey(BallotId ballot, AccountId account) {
        return secret.mac("voter", ballot.value(), "account:" + account.value());
    }

    private DeviceId newDevice() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new DeviceId(ENCODER.encodeToString(bytes));
    }

    /** A new device whose cookie is set on the response (the vote page charges its address first). */
    DeviceId issue(HttpServletResponse response) {
        DeviceId device = newDevice();
        String token = device.value() + "." + signature(device.value());
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite("Lax")
                .path("/")
                .maxAge(LIFETIME)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return device;
    }

    private Optional<DeviceId> verify(String token) {
        int dot = token.indexOf('.');
        if (dot != 22 || token.length() > 64) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return secret.verify(expected, actual) ? Optional.of(new DeviceId(id)) : Optional.empty();
    }

    private String signature(String id) {
        return ENCODER.encodeToString(Arrays.copyOf(secret.mac("device", id), 16));
    }
}
