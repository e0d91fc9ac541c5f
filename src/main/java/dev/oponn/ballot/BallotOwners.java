package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Ownership as other features ask about it: whether the person behind a request owns a ballot, by their signed-in
 * account or by the ballot's manage key. Each answer is one primary-key look-up.
 */
@Component
public class BallotOwners {

    private final BallotOwnership ownership;

    BallotOwners(BallotOwnership ownership) {
        this.ownership = ownership;
    }

    public boolean ownedBy(BallotId ballot, @Nullable SignedInUser user) {
        return user != null && ownership.ownedBy(ballot, user.id());
    }

    /** Whether {@code key} (as it appears in a manage link) opens this ballot. */
    public boolean opens(BallotId ballot, String key) {
        return ManageKey.parse(key).map(k -> ownership.opens(ballot, k)).orElse(false);
    }
}
