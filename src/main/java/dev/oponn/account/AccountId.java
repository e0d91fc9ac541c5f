package dev.oponn.account;

import java.io.Serializable;

/** An account's number. Internal only: it never appears in a URL or a page. */
public record AccountId(long value) implements Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
