package dev.oponn.crypto;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The master key could not be used right now (the KMS is unreachable, throttling, or refusing this key), so a
 * ballot whose data key is not cached cannot be opened or created. Callers see 503: nothing is wrong with the
 * ballot, and trying again later will work. The message names no key material and no ballot text.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public KeyUnavailableException(String message) {
        super(message);
    }
}
