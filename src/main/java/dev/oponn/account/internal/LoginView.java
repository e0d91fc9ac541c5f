package dev.oponn.account.internal;

import dev.oponn.web.Text;
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
        @Nullable Text message,
        String name,
        @Nullable Text nameError) {

    public boolean anyProvider() {
        return google || github || mockSignIn;
    }
}
