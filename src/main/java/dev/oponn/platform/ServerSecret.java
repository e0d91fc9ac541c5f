package dev.oponn.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HMAC key. It signs device tokens and derives the keys under which the database stores voters
 * and write-in look-ups, so that nothing stored can be tied back to a device without it. Every instance of a
 * cluster must share it ({@code OPONN_SECRET_KEY}); a single development instance generates one under the data
 * directory so that device tokens survive restarts.
 */
public final class ServerSecret {

    private static final Logger log = LoggerFactory.getLogger(ServerSecret.class);
    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    ServerSecret(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException(
                    "OPONN_SECRET_KEY must be base64 of at least " + MIN_BYTES + " random bytes.");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    static ServerSecret load(OponnProperties properties) {
        String configured = properties.secretKey();
        if (configured != null && !configured.isBlank()) {
            return new ServerSecret(Base64.getDecoder().decode(configured.strip()));
        }
        Path file = properties.dataDir().resolve("secret-key");
        try {
            if (Files.exists(file)) {
                return new ServerSecret(
                        Base64.getDecoder().decode(Files.readString(file).strip()));
            }
            byte[] fresh = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            restrictToOwner(file);
            log.atWarn()
                    .setMessage("secret.generated")
                    .addKeyValue("file", file.toAbsolutePath())
                    .addKeyValue("hint", "set OPONN_SECRET_KEY on every instance of a cluster")
                    .log();
            return new ServerSecret(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the platform's default permissions.
        }
    }

    /** HMAC-SHA256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
    public byte[] mac(String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            update(mac, purpose);
            for (String part : parts) {
                update(mac, part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void update(Mac mac, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update((byte) (bytes.length >>> 24));
        mac.update((byte) (bytes.length >>> 16));
        mac.update((byte) (bytes.length >>> 8));
        mac.update((byte) bytes.length);
        mac.update(bytes);
    }

    public boolean verify(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public String toString() {
        return "ServerSecret[redacted]";
    }
}
