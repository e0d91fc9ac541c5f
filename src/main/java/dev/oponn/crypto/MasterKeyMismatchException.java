package dev.oponn.crypto;

/**
 * A data key was wrapped by a master key this instance does not have: another instance, configured with another
 * local keyset or KMS key, created the ballot. Nothing is wrong with the ballot, and nothing a visitor does will
 * help; the operator must give every instance the same master key. Pages answer 503 "temporarily unavailable"
 * ({@link MasterKeyErrorPage}), the API the same sentence in its own problem document, and the instance says what
 * to share once in its log.
 */
public class MasterKeyMismatchException extends KeyUnavailableException {

    /** What a visitor or program is told, in English (the pages say it in the reader's language). */
    public static final String DETAIL = "This ballot is temporarily unavailable. Try again in a few minutes.";

    /** Long enough that a visitor does not hammer an instance the operator has to reconfigure. */
    public static final String RETRY_AFTER_SECONDS = "60";

    MasterKeyMismatchException(String message) {
        super(message);
    }
}
