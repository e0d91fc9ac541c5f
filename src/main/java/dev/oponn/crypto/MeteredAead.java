package dev.oponn.crypto;

import com.google.crypto.tink.Aead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.GeneralSecurityException;

/**
 * Counts every use of a master key as {@code oponn.kms.calls} (tags {@code provider}, {@code operation} =
 * wrap/unwrap, {@code outcome} = ok/rejected/unavailable), which is the number that costs money and latency.
 */
final class MeteredAead implements Aead {

    static final String CALLS = "oponn.kms.calls";

    private final Aead delegate;
    private final MeterRegistry meters;
    private final String provider;

    MeteredAead(Aead delegate, MeterRegistry meters, String provider) {
        this.delegate = delegate;
        this.meters = meters;
        this.provider = provider;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        return count("wrap", () -> delegate.encrypt(plaintext, associatedData));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return count("unwrap", () -> delegate.decrypt(ciphertext, associatedData));
    }

    private byte[] count(String operation, Call call) throws GeneralSecurityException {
        String outcome = "unavailable";
        try {
            byte[] result = call.run();
            outcome = "ok";
            return result;
        } catch (GeneralSecurityException e) {
            outcome = "rejected";
            throw e;
        } finally {
            counter(operation, outcome).increment();
        }
    }

    private Counter counter(String operation, String outcome) {
        return Counter.builder(CALLS)
                .description("Uses of the master key (KMS calls when the master key is in AWS KMS)")
                .tag("provider", provider)
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(meters);
    }

    private interface Call {
        byte[] run() throws GeneralSecurityException;
    }
}
