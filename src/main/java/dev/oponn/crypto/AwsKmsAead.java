package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * A KMS key as a Tink {@link Aead}, over the AWS SDK v2 (Tink's own {@code tink-awskms} brings SDK v1 and cannot
 * point at another endpoint). The associated data travels as the KMS encryption context, so KMS itself refuses to
 * decrypt a wrapped key presented for another ballot, and CloudTrail records which ballot each call was for.
 *
 * <p>A ciphertext KMS rejects is a {@link GeneralSecurityException}, like any AEAD failure; a KMS that cannot be
 * reached or refuses the call is a {@link KeyUnavailableException}, because the data is fine and a retry later
 * will work.
 */
final class AwsKmsAead implements Aead {

    private static final String CONTEXT_KEY = "oponn_associated_data";

    private final KmsClient kms;
    private final String keyId;

    AwsKmsAead(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return kms.encrypt(request -> request.keyId(keyId)
                            .plaintext(SdkBytes.fromByteArray(plaintext))
                            .encryptionContext(context(associatedData)))
                    .ciphertextBlob()
                    .asByteArray();
        } catch (SdkException e) {
            throw unavailable("Encrypt", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        try {
            return kms.decrypt(request -> request.keyId(keyId)
                            .ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                            .encryptionContext(context(associatedData)))
                    .plaintext()
                    .asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new GeneralSecurityException("KMS rejected the ciphertext for key " + keyId);
        } catch (SdkException e) {
            throw unavailable("Decrypt", e);
        }
    }

    private static Map<String, String> context(byte[] associatedData) {
        return Map.of(CONTEXT_KEY, HexFormat.of().formatHex(associatedData));
    }

    private KeyUnavailableException unavailable(String operation, SdkException e) {
        return new KeyUnavailableException(
                "KMS " + operation + " with key " + keyId + " failed: "
                        + e.getClass().getSimpleName(),
                e);
    }

    @Override
    public String toString() {
        return "AwsKmsAead[" + keyId + "]";
    }
}
