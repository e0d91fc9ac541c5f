package dev.oponn.crypto;

import com.google.crypto.tink.Aead;

/**
 * One key-encryption key: the id recorded beside every data key it wraps ({@code local:<tink key id>} or
 * {@code aws-kms:<key id>}) and the AEAD that wraps and unwraps with it.
 */
record MasterKey(String id, Aead aead) {

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
