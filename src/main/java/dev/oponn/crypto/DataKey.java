package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;

/** One ballot's unwrapped data key: the keyset (to wrap or cache it) and its AEAD (to use it). Never logged. */
record DataKey(KeysetHandle keyset, Aead aead) {

    static DataKey of(KeysetHandle keyset) {
        return new DataKey(keyset, Tink.aead(keyset));
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
