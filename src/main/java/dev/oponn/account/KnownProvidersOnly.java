package dev.oponn.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Starts sign-in at {@code /auth/login/{provider}}. Spring answers an unknown provider with a 500; declining
 * instead lets the request fall through to the 404 page, which is what a wrong address deserves.
 */
final class KnownProvidersOnly implements OAuth2AuthorizationRequestResolver {

    static final String BASE_URI = "/auth/login";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    KnownProvidersOnly(SignInProviders providers) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(providers, BASE_URI);
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
            return delegate.resolve(request);
        } catch (IllegalArgumentException unknownProvider) {
            return null;
        }
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        try {
            return delegate.resolve(request, clientRegistrationId);
        } catch (IllegalArgumentException unknownProvider) {
            return null;
        }
    }
}
