package dev.oponn.webhook;

import dev.oponn.platform.ServerSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A webhook's signing secret: 24 random bytes, shown once as {@code whsec_<base64>}, stored sealed with AES-GCM under
 * a key derived from the server secret (the same on every instance), so the table alone signs nothing. Not under the
 * ballot's data key: a {@code ballot.deleted} message must still be signed after that key is destroyed.
 */
@Component
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 24;
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec sealing;
    private final SecureRandom random = new SecureRandom();

    WebhookSecrets(ServerSecret secret) {
        this.sealing = new SecretKeySpec(secret.mac("webhook-secret-seal"), "AES");
    }

    byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    static String shown(byte[] key) {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] seal(byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(key);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    byte[] open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    sealing,
                    new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 0, NONCE_BYTES)));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret could not be opened: was the server secret changed?", e);
        }
    }

    /** The Standard Webhooks signature: {@code v1,} and base64 HMAC-SHA256 of {@code id.timestamp.body}. */
    static String signature(byte[] key, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
