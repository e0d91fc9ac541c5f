package dev.oponn.crypto;

/**
 * A stored ciphertext or wrapped data key did not authenticate: it was altered, truncated, or moved from another
 * ballot, column or option. Nothing of it is returned. The message names the ballot and the field, never the
 * bytes or a key.
 */
public class CiphertextRejectedException extends RuntimeException {

    public CiphertextRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
