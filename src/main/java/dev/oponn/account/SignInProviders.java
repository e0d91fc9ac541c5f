package dev.oponn.account;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The OAuth providers this instance offers, by registration id ({@code google}, {@code github}). Unlike Spring's
 * in-memory repository it may be empty: a server with no provider configured still serves guests.
 */
final class SignInProviders implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    static final String CALLBACK = "{baseUrl}/auth/callback/{registrationId}";

    private final Map<String, ClientRegistration> registrations;

    private SignInProviders(Map<String, ClientRegistration> registrations) {
        this.registrations = Map.copyOf(registrations);
    }

    /**
     * Google's endpoints are Spring's well-known ones unless an issuer stands in for Google; that issuer's
     * endpoints are discovered once, at startup.
     */
    static SignInProviders from(AccountProperties properties) {
        Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
        AccountProperties.Google google = properties.google();
        if (google.configured()) {
            ClientRegistration.Builder builder = google.issuerUri() == null
                    ? CommonOAuth2Provider.GOOGLE.getBuilder("google")
                    : ClientRegistrations.fromOidcIssuerLocation(google.issuerUri())
                            .registrationId("google")
                            .clientName("Google")
                            .scope("openid", "profile", "email");
            registrations.put(
                    "google",
                    builder.clientId(google.clientId())
                            .clientSecret(google.clientSecret())
                            .redirectUri(CALLBACK)
                            .build());
        }
        AccountProperties.GitHub github = properties.github();
        if (github.configured()) {
            registrations.put(
                    "github",
                    CommonOAuth2Provider.GITHUB
                            .getBuilder("github")
                            .clientId(github.clientId())
                            .clientSecret(github.clientSecret())
                            .redirectUri(CALLBACK)
                            .build());
        }
        return new SignInProviders(registrations);
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return registrations.get(registrationId);
    }

    boolean offers(String registrationId) {
        return registrations.containsKey(registrationId);
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return registrations.values().iterator();
    }
}
