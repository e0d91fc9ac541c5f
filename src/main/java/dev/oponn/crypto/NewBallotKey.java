package dev.oponn.crypto;

/**
 * A data key generated for a ballot that is being created: its cipher to seal the new ballot's fields, and its
 * wrapped form for {@link BallotKeys#store}, which belongs in the same transaction as the ballot's rows.
 */
public final class NewBallotKey {

    private final String ballotId;
    private final WrappedKey wrapped;
    private final FieldCipher cipher;

    NewBallotKey(String ballotId, WrappedKey wrapped, FieldCipher cipher) {
        this.ballotId = ballotId;
        this.wrapped = wrapped;
        this.cipher = cipher;
    }

    public FieldCipher cipher() {
        return cipher;
    }

    String ballotId() {
        return ballotId;
    }

    WrappedKey wrapped() {
        return wrapped;
    }

    @Override
    public String toString() {
        return "NewBallotKey[" + wrapped.masterKeyId() + "]";
    }
}
