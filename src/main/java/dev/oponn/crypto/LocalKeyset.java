package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * The development master key: a Tink AES-256-GCM keyset in a JSON file, readable by anyone who can read the file.
 * It may hold several keys; the primary one wraps new data keys and the others still unwrap the data keys they
 * wrapped, which is how a new key becomes primary without re-encrypting anything. Operators edit it only through
 * {@code ./oponn keyset}.
 */
final class LocalKeyset {

    static final String SCHEME = "local:";

    private final KeysetHandle keyset;
    private final Aead aead;

    private LocalKeyset(KeysetHandle keyset) {
        this.keyset = keyset;
        this.aead = Tink.aead(keyset);
    }

    static Optional<LocalKeyset> readIfPresent(Path file) {
        return Files.exists(file) ? Optional.of(new LocalKeyset(read(file))) : Optional.empty();
    }

    /** A new keyset with one key, written to {@code file}; empty if the file already exists. */
    static Optional<LocalKeyset> createIfAbsent(Path file) {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        KeysetHandle fresh = Tink.newAes256GcmKeyset();
        write(file, fresh);
        return Optional.of(new LocalKeyset(fresh));
    }

    MasterKey primary() {
        return new MasterKey(
                SCHEME + Integer.toUnsignedString(keyset.getPrimary().getId()), aead);
    }

    /** The keyset's AEAD if it still holds the key {@code id} names; Tink picks that key by the ciphertext prefix. */
    Optional<MasterKey> byId(String id) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (id.equals(SCHEME + Integer.toUnsignedString(entry.getId())) && entry.getStatus() == KeyStatus.ENABLED) {
                return Optional.of(new MasterKey(id, aead));
            }
        }
        return Optional.empty();
    }

    int size() {
        return keyset.size();
    }

    /** A new random key becomes primary; every key already there stays, so everything it wrapped still opens. */
    static LocalKeyset rotate(Path file) {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(read(file))
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            write(file, rotated);
            return new LocalKeyset(rotated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a key to the master keyset " + file, e);
        }
    }

    /** Removes every key but the primary: data keys still wrapped by them can never be opened again. */
    static LocalKeyset retireAllButPrimary(Path file) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(read(file));
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            KeysetHandle retired = builder.build();
            write(file, retired);
            return new LocalKeyset(retired);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not remove keys from the master keyset " + file, e);
        }
    }

    private static KeysetHandle read(Path file) {
        Tink.registerAead();
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the master keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset " + file + " is not a valid Tink keyset", e);
        }
    }

    /** Written beside the target and moved over it, so a crash never leaves half a keyset; owner-only. */
    private static void write(Path file, KeysetHandle keyset) {
        Tink.registerAead();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".master-keyset", ".tmp");
            restrictToOwner(temp);
            Files.writeString(temp, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the master keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not serialise the master keyset", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the platform's default permissions.
        }
    }

    @Override
    public String toString() {
        return "LocalKeyset[" + keyset.size() + " keys, primary " + primary().id() + "]";
    }
}
