package dev.oponn.ballot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a guest's manage link: 256 random bits, URL-safe. Only {@link #hash()} is stored. A plain SHA-256
 * is enough because the key is random and long, not a password: there is nothing to guess from its hash.
 */
record ManageKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    ManageKey {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a manage key");
        }
    }

    static ManageKey random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ManageKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static Optional<ManageKey> parse(String raw) {
        return SHAPE.matcher(raw).matches() ? Optional.of(new ManageKey(raw)) : Optional.empty();
    }

    byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Never the key itself: records end up in logs. */
    @Override
    public String toString() {
        return "ManageKey[redacted]";
    }
}
