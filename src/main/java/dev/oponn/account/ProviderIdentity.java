package dev.oponn.account;

import org.jspecify.annotations.Nullable;

/**
 * Who a provider says signed in.
 *
 * @param subject the provider's stable id for the person (OIDC {@code sub}, GitHub's numeric {@code id})
 * @param emailVerified whether the provider vouches that the person controls {@code email}
 */
record ProviderIdentity(
        String provider, String subject, @Nullable String email, boolean emailVerified, String name) {

    ProviderIdentity {
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a provider identity needs a subject");
        }
        email = email == null || email.isBlank() ? null : email.strip();
        emailVerified = emailVerified && email != null;
        name = name.isBlank() ? "user" : name.strip();
    }
}
