package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Seals and opens the text fields of one ballot under its data key. The associated data names the ballot and the
 * field (for example {@code ballot.measure} or {@code ballot_option.label:3}), so a ciphertext copied to another
 * ballot, column or option no longer authenticates. Holding one means the data key is unwrapped: obtain it from
 * {@link BallotKeys}, use it, and let it go.
 */
public final class FieldCipher {

    private static final String PURPOSE = "oponn.field.v1";

    private final String ballotId;
    private final Aead dataKey;

    FieldCipher(String ballotId, Aead dataKey) {
        this.ballotId = ballotId;
        this.dataKey = dataKey;
    }

    public byte[] seal(String field, String plaintext) {
        try {
            return dataKey.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(field));
        } catch (GeneralSecurityException e) {
            // No ballot id in the message: exceptions reach logs, and an id is a vote link.
            throw new IllegalStateException("AES-GCM encryption failed for field " + field, e);
        }
    }

    /** @throws CiphertextRejectedException if the bytes were altered or belong to another ballot or field */
    public String open(String field, byte[] ciphertext) {
        try {
            return new String(dataKey.decrypt(ciphertext, associatedData(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new CiphertextRejectedException("ciphertext rejected: field " + field, e);
        }
    }

    public String ballotId() {
        return ballotId;
    }

    private byte[] associatedData(String field) {
        return lengthPrefixed(PURPOSE, ballotId, field);
    }

    /** Each part length-prefixed, so that no two different lists of parts give the same bytes. */
    static byte[] lengthPrefixed(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 24);
            out.write(bytes.length >>> 16);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "FieldCipher[redacted]";
    }
}
