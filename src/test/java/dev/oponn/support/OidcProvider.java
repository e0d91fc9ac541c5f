package dev.oponn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server) on a free loopback port, standing in for Google. It
 * signs real tokens with its own keys and publishes discovery and JWKS, so the application verifies everything as
 * it would for Google. Tests play the browser: {@link #approve} follows the provider's authorization redirect and
 * returns where the provider sends the browser back.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String ISSUER_ID = "google";
    public static final String CLIENT_ID = "oponn-test-client";

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final HttpClient http = Device.newClient();

    public OidcProvider() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The properties that make the application offer this provider as Google. */
    public Map<String, Object> properties() {
        return Map.of(
                "oponn.google.client-id",
                CLIENT_ID,
                "oponn.google.client-secret",
                "test-secret",
                "oponn.google.issuer-uri",
                issuer());
    }

    /** The next sign-in at this provider is by {@code subject}, with a verified email unless told otherwise. */
    public void nextSignIn(String subject, String email, boolean emailVerified, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", emailVerified);
        claims.put("name", name);
        server.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    /**
     * What the browser does at the provider: open the authorization URL the application redirected to; the provider
     * (non-interactive) approves at once and redirects back. Returns that redirect's path and query on the
     * application, e.g. {@code /auth/callback/google?code=...&state=...}.
     */
    public String approve(String authorizationUrl) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException(
                            "the provider did not redirect back: " + response.statusCode() + " " + response.body()));
            URI back = URI.create(location);
            return back.getRawPath() + "?" + back.getRawQuery();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The whole sign-in as a browser does it: start at the application, approve at the provider, come back.
     *
     * @return the application's answer to the callback
     */
    public Device.Response signIn(Device device, String subject, String email, String name) {
        nextSignIn(subject, email, true, name);
        Device.Response landed = device.get(callbackFor(device));
        String location = landed.header("Location");
        if (landed.status() == 303 && location != null) {
            // As a browser does: the page it lands on gives it the CSRF token of its new session.
            device.get(location);
        }
        return landed;
    }

    /** Starts sign-in on {@code device} and returns the callback the provider sends the browser back to. */
    public String callbackFor(Device device) {
        Device.Response start = device.get("/auth/login/google");
        if (start.status() != 302 || start.header("Location") == null) {
            throw new IllegalStateException("sign-in did not redirect to the provider: " + start.status());
        }
        return approve(start.header("Location"));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
