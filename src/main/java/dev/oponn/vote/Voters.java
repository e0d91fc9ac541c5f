package dev.oponn.vote;

import dev.oponn.account.SignedInUser;
import dev.oponn.ballot.Ballot;
import dev.oponn.ballot.BallotId;
import dev.oponn.ballot.WhoMayVote;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether the device behind a request has voted on a ballot, for features that show counts only to those who
 * voted. A device is named by its voter key on that ballot, an opaque value derived from the device cookie: the
 * same key {@code ballot_voter} holds, so asking costs one index look-up and never touches the vote path.
 */
@Component
public class Voters {

    /** Keys asked about in one statement at most. */
    private static final int BATCH = 500;

    private final DeviceTokens devices;
    private final JdbcClient jdbc;

    Voters(DeviceTokens devices, JdbcClient jdbc) {
        this.devices = devices;
        this.jdbc = jdbc;
    }

    /** The requester's voter key on this ballot, empty for a request without a valid device cookie. */
    public Optional<VoterKey> of(BallotId ballot, HttpServletRequest request) {
        return devices.current(request).map(device -> new VoterKey(devices.voterKey(ballot, device)));
    }

    /**
     * The requester's voter key on this ballot: on a {@code signed_in} ballot the signed-in account's (the account
     * is the voter there, as {@code VoteController} counts it), else the device's; empty for neither.
     */
    public Optional<VoterKey> of(Ballot ballot, HttpServletRequest request) {
        if (ballot.whoMayVote() == WhoMayVote.SIGNED_IN) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                    ? Optional.of(new VoterKey(devices.voterKey(ballot.id(), user.id())))
                    : Optional.empty();
        }
        return of(ballot.id(), request);
    }

    /**
     * Both keys the requester could vote under on this ballot, its device's and its signed-in account's, so that a
     * long-lived reader (a live stream) still knows the right one after the owner changes who may vote.
     */
    public Keys keysOf(BallotId ballot, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        VoterKey account = authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? new VoterKey(devices.voterKey(ballot, user.id()))
                : null;
        return new Keys(of(ballot, request).orElse(null), account);
    }

    /** A requester's voter keys on one ballot: its device's, its account's; either may be missing. */
    public record Keys(@Nullable VoterKey device, @Nullable VoterKey account) {

        public static final Keys NONE = new Keys(null, null);

        /** The key a vote counts under, as {@link #of(Ballot, HttpServletRequest)} chooses it. */
        public @Nullable VoterKey under(WhoMayVote whoMayVote) {
            return whoMayVote == WhoMayVote.SIGNED_IN ? account : device;
        }
    }

    public boolean hasVoted(BallotId ballot, VoterKey voter) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ballot_voter WHERE ballot_id = :ballot AND voter_key = :voter)")
                .param("ballot", ballot.value())
                .param("voter", voter.bytes())
                .query(Boolean.class)
                .single();
    }

    /** Which of {@code voters} have voted on the ballot: one statement per {@value #BATCH} keys. */
    public Set<VoterKey> whoVoted(BallotId ballot, Collection<VoterKey> voters) {
        List<VoterKey> all = List.copyOf(new HashSet<>(voters));
        Set<VoterKey> voted = new HashSet<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<byte[]> keys = all.subList(from, Math.min(all.size(), from + BATCH)).stream()
                    .map(VoterKey::bytes)
                    .toList();
            jdbc.sql("SELECT voter_key FROM ballot_voter WHERE ballot_id = :ballot AND voter_key IN (:keys)")
                    .param("ballot", ballot.value())
                    .param("keys", keys)
                    .query((rs, n) -> new VoterKey(rs.getBytes("voter_key")))
                    .list()
                    .forEach(voted::add);
        }
        return voted;
    }

    /** A device's key on one ballot; equal by content. */
    public record VoterKey(ByteBuffer value) {

        VoterKey(byte[] bytes) {
            this(ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer());
        }

        byte[] bytes() {
            byte[] copy = new byte[value.remaining()];
            value.duplicate().get(copy);
            return copy;
        }
    }
}
