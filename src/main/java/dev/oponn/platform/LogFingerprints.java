package dev.oponn.platform;

import java.util.Base64;

/**
 * What logs call a ballot. A ballot id is its vote link, so a log that held ids would open every ballot it names to
 * whoever reads the log. A keyed fingerprint of the id is the same on every line and every instance that shares the
 * server secret, so lines about one ballot still correlate; without the secret it leads to no ballot. 12 base64url
 * characters are 72 bits: no two ballots of one deployment meet by chance. A bean, not a method on the id, because
 * it needs the secret.
 */
public final class LogFingerprints {

    private static final String PURPOSE = "log-fingerprint";
    private static final int LENGTH = 12;

    private final ServerSecret secret;

    LogFingerprints(ServerSecret secret) {
        this.secret = secret;
    }

    /** The fingerprint logged as {@code ballot=…} in place of the ballot id {@code ballotId}. */
    public String ballot(String ballotId) {
        byte[] mac = secret.mac(PURPOSE, ballotId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, LENGTH);
    }

    @Override
    public String toString() {
        return "LogFingerprints";
    }
}
