package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/** The few Tink calls Oponn makes, in one place, so that every caller uses AES-256-GCM the same way. */
final class Tink {

    private Tink() {}

    /**
     * Registers Tink's AEAD key types. Tink keeps that registry itself and registering twice is harmless, so every
     * entry point calls this before it parses or creates a keyset.
     */
    static void registerAead() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its AEAD key types", e);
        }
    }

    /** A new keyset holding one random AES-256-GCM key. */
    static KeysetHandle newAes256GcmKeyset() {
        registerAead();
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate an AES-256-GCM key", e);
        }
    }

    static Aead aead(KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an AEAD keyset", e);
        }
    }

    /** The keyset encrypted by {@code wrapper}, bound to {@code context}; the only form in which it leaves memory. */
    static byte[] wrap(KeysetHandle keyset, Aead wrapper, byte[] context) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, wrapper, context);
    }

    static KeysetHandle unwrap(byte[] wrapped, Aead wrapper, byte[] context) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, wrapper, context);
    }
}
