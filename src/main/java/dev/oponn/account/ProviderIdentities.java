package dev.oponn.account;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a provider's user attributes as a {@link ProviderIdentity}. Google (and any OpenID Connect provider)
 * speaks standard claims; GitHub has its own shape.
 */
final class ProviderIdentities {

    static final int NAME_MAX = 64;

    private ProviderIdentities() {}

    static ProviderIdentity from(String provider, Map<String, Object> attributes) {
        return "github".equals(provider) ? github(attributes) : openIdConnect(provider, attributes);
    }

    /** Standard claims: {@code sub}, {@code email}, {@code email_verified}, {@code name}. */
    private static ProviderIdentity openIdConnect(String provider, Map<String, Object> claims) {
        String email = text(claims.get("email"));
        boolean verified =
                Boolean.TRUE.equals(claims.get("email_verified")) || "true".equals(text(claims.get("email_verified")));
        String name = firstPresent(text(claims.get("name")), text(claims.get("preferred_username")), localPart(email));
        return new ProviderIdentity(provider, required(claims, "sub"), email, verified, shorten(name));
    }

    /**
     * GitHub's {@code /user}: a numeric {@code id} (the login can be renamed), {@code login}, {@code name} and the
     * public profile {@code email}. GitHub lets a person publish only an address they have verified, so a public
     * email counts as verified; a person who keeps theirs private signs in without one.
     */
    private static ProviderIdentity github(Map<String, Object> attributes) {
        String email = text(attributes.get("email"));
        String name = firstPresent(text(attributes.get("name")), text(attributes.get("login")), localPart(email));
        return new ProviderIdentity("github", required(attributes, "id"), email, email != null, shorten(name));
    }

    private static String required(Map<String, Object> attributes, String key) {
        String value = text(attributes.get(key));
        if (value == null) {
            throw new IllegalArgumentException("the provider sent no '" + key + "'");
        }
        return value;
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String localPart(@Nullable String email) {
        return email == null ? null : email.substring(0, Math.max(email.indexOf('@'), 0));
    }

    private static String firstPresent(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "user";
    }

    static String shorten(String name) {
        String stripped = name.strip();
        return stripped.codePointCount(0, stripped.length()) <= NAME_MAX
                ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, NAME_MAX));
    }
}
