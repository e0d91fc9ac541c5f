package dev.oponn.account;

import java.io.Serial;
import java.io.Serializable;

/**
 * The principal of a signed-in request, whichever way the person signed in. It is what the session stores (in
 * Redis too, serialised), so it holds only what pages need: no provider tokens, no claims, no email address.
 *
 * @param provider {@code google}, {@code github} or {@code mock}
 */
public record SignedInUser(AccountId id, String name, String provider) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
