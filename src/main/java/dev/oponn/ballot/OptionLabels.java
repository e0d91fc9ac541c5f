package dev.oponn.ballot;

import dev.oponn.platform.ServerSecret;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How option labels compare, and the keyed fingerprint under which the database enforces that a ballot never
 * holds two options that read the same. The fingerprint is an HMAC with the server secret and the ballot id,
 * so the database can compare labels without being able to read them or match them across ballots.
 */
@Component
public class OptionLabels {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ServerSecret secret;

    OptionLabels(ServerSecret secret) {
        this.secret = secret;
    }

    /** Trimmed, runs of white space folded, Unicode NFC and case-folded ("Straße" reads as "STRASSE"). */
    public static String normalize(String label) {
        String nfc = Normalizer.normalize(label.strip(), Normalizer.Form.NFC);
        String folded = nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return SPACES.matcher(Normalizer.normalize(folded, Normalizer.Form.NFC)).replaceAll(" ");
    }

    byte[] key(BallotId ballot, String label) {
        return secret.mac("option-label", ballot.value(), normalize(label));
    }
}
