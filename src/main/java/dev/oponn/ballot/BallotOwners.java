package dev.oponn.ballot;

import dev.oponn.account.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Ownership as other features ask about it: whether the person behind a request owns a ballot, by their signed-in
 * account or by the ballot's manage key. Each answer is one primary-key look-up.
 */
@Component
public class BallotOwners {

    private final BallotOwnership ownership;
    private final ManageLinks manageLinks;

    BallotOwners(BallotOwnership ownership, ManageLinks manageLinks) {
        this.ownership = ownership;
        this.manageLinks = manageLinks;
    }

    /**
     * Whether this request is the guest creator's first view of the ballot's page, the one that shows the manage link
     * once: the only moment a guest is known as the owner outside the manage link itself.
     */
    public boolean justCreatedBy(BallotId ballot, HttpServletRequest request) {
        return manageLinks.presentedFor(ballot, request);
    }

    public boolean ownedBy(BallotId ballot, @Nullable SignedInUser user) {
        return user != null && ownership.ownedBy(ballot, user.id());
    }

    /** Whether {@code key} (as it appears in a manage link) opens this ballot. */
    public boolean opens(BallotId ballot, String key) {
        return ManageKey.parse(key).map(k -> ownership.opens(ballot, k)).orElse(false);
    }
}
