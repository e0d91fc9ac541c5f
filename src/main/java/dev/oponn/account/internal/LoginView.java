package dev.oponn.account.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the sign-in page offers on this server.
 *
 * @param message why the person is here again: a failed sign-in or an ended session
 * @param nameError what is wrong with the name typed into the mock sign-in form
 */
public record LoginView(
        boolean google,
        boolean github,
        boolean mockSignIn,
        @Nullable String message,
        String name,
        @Nullable String nameError) {

    public boolean anyProvider() {
        return google || github || mockSignIn;
    }
}
