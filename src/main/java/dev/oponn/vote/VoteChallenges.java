package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import dev.oponn.platform.ServerSecret;
import dev.oponn.vote.internal.VoteChallenge;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The optional proof of work for anonymous votes (the ALTCHA approach, with no third party). The vote page gets a
 * random salt, an expiry and a target, signed with the server secret and bound to the ballot; its script searches
 * for a number whose hash is below the target (about {@code challengeDifficulty} hashes), and the server checks the
 * answer with one hash. A challenge is spent once, on any instance: its salt goes into {@code spent_vote_challenge}
 * until it expires. This makes a stuffer pay CPU per vote; it cannot stop one who is willing to pay.
 */
@Component
class VoteChallenges {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SALT_BYTES = 16;
    /** Expired rows are swept once per this many spent challenges, by the request that spends one. */
    private static final long SWEEP_EVERY = 1000;

    private final ServerSecret secret;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final VoteProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong spent = new AtomicLong();

    VoteChallenges(ServerSecret secret, JdbcClient jdbc, Clock clock, VoteProperties properties) {
        this.secret = secret;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    VoteChallenge issue(BallotId ballot) {
        byte[] bytes = new byte[SALT_BYTES];
        random.nextBytes(bytes);
        String salt = ENCODER.encodeToString(bytes);
        long expires = clock.instant().plus(properties.challengeLifetime()).getEpochSecond();
        String target = Long.toUnsignedString(target(properties.challengeDifficulty()));
        String signed = salt + "." + expires + "." + target;
        return new VoteChallenge(signed + "." + signature(ballot, signed), salt, target);
    }

    /**
     * Checks the solution and spends the challenge.
     *
     * @return why the vote may not go on, or empty when the proof of work is good and was not used before
     */
    Optional<VoteRejection> redeem(BallotId ballot, @Nullable String token, @Nullable String solution) {
        if (token == null || token.isBlank() || solution == null || solution.isBlank()) {
            return Optional.of(VoteRejection.CHALLENGE_MISSING);
        }
        Optional<Instant> expires = verify(ballot, token.strip(), solution.strip());
        if (expires.isEmpty() || !spend(token.strip(), expires.get())) {
            return Optional.of(VoteRejection.CHALLENGE_FAILED);
        }
        return Optional.empty();
    }

    /** @return the challenge's expiry when signature, expiry and solution are all good */
    private Optional<Instant> verify(BallotId ballot, String token, String solution) {
        String[] parts = token.split("\\.", -1);
        if (token.length() > 200 || parts.length != 4 || solution.length() > 19 || !solution.matches("[0-9]+")) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expected = signature(ballot, signed).getBytes(StandardCharsets.US_ASCII);
        if (!secret.verify(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        // Signed by this server, so the numbers parse.
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        long target = Long.parseUnsignedLong(parts[2]);
        if (!clock.instant().isBefore(expires) || !solves(parts[0], solution, target)) {
            return Optional.empty();
        }
        return Optional.of(expires);
    }

    static boolean solves(String salt, String solution, long target) {
        byte[] hash = sha256((salt + solution).getBytes(StandardCharsets.UTF_8));
        return Long.compareUnsigned(ByteBuffer.wrap(hash).getLong(), target) < 0;
    }

    /** Hashes below this target are one in {@code difficulty}. */
    static long target(long difficulty) {
        return Long.divideUnsigned(-1L, difficulty);
    }

    private boolean spend(String token, Instant expires) {
        byte[] salt = DECODER.decode(token.substring(0, token.indexOf('.')));
        if (spent.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.sql("DELETE FROM spent_vote_challenge WHERE expires_at < now()")
                    .update();
        }
        return jdbc.sql(
                                "INSERT INTO spent_vote_challenge (salt, expires_at) VALUES (:salt, :expires) ON CONFLICT DO NOTHING")
                        .param("salt", salt)
                        .param("expires", Timestamp.from(expires))
                        .update()
                == 1;
    }

    private String signature(BallotId ballot, String signed) {
        return ENCODER.encodeToString(Arrays.copyOf(secret.mac("vote-challenge", ballot.value(), signed), 16));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
