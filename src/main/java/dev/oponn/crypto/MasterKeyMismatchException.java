package dev.oponn.crypto;

/**
 * A data key was wrapped by a master key this instance does not have: another instance, configured with another
 * local keyset or KMS key, created the ballot. Nothing is wrong with the ballot, and nothing a visitor does will
 * help; the operator must give every instance the same master key. Pages answer 503 "temporarily unavailable"
 * ({@link MasterKeyErrorPage}), and the instance says what to share once in its log.
 */
class MasterKeyMismatchException extends KeyUnavailableException {

    MasterKeyMismatchException(String message) {
        super(message);
    }
}
