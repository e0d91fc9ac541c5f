package dev.oponn.ballot;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** 128 random bits, URL-safe base64 without padding: 22 characters, unguessable, safe in a path. */
public record BallotId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    public BallotId {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a ballot id");
        }
    }

    static BallotId random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new BallotId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Anything that is not the shape of an id is simply no ballot: callers answer 404 without a query. */
    public static Optional<BallotId> parse(String raw) {
        return SHAPE.matcher(raw).matches() ? Optional.of(new BallotId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
