package dev.oponn.ballot;

import dev.oponn.account.AccountId;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who owns a ballot: the account that created it, or for a guest's ballot whoever holds its manage key. This is
 * what ballot controls ask before they change anything.
 */
@Repository
class BallotOwnership {

    private final JdbcClient jdbc;

    BallotOwnership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside the creating transaction, right after the ballot's insert. */
    void assignTo(BallotId ballot, AccountId owner) {
        jdbc.sql("UPDATE ballot SET owner_id = :owner WHERE id = :id")
                .param("owner", owner.value())
                .param("id", ballot.value())
                .update();
    }

    /** Inside the creating transaction, right after the ballot's insert. */
    void protectWith(BallotId ballot, ManageKey key) {
        jdbc.sql("UPDATE ballot SET manage_key_hash = :hash WHERE id = :id")
                .param("hash", key.hash())
                .param("id", ballot.value())
                .update();
    }

    boolean ownedBy(BallotId ballot, AccountId account) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ballot WHERE id = :id AND owner_id = :owner)")
                .param("id", ballot.value())
                .param("owner", account.value())
                .query(Boolean.class)
                .single();
    }

    /** Whether {@code key} is this ballot's manage key; compared in constant time. */
    boolean opens(BallotId ballot, ManageKey key) {
        return jdbc.sql("SELECT manage_key_hash FROM ballot WHERE id = :id AND manage_key_hash IS NOT NULL")
                .param("id", ballot.value())
                .query(byte[].class)
                .optional()
                .map(stored -> MessageDigest.isEqual(stored, key.hash()))
                .orElse(false);
    }

    /** The account's ballots, newest first. */
    List<BallotId> newestOwnedBy(AccountId account, int limit) {
        return jdbc.sql("""
                        SELECT id FROM ballot WHERE owner_id = :owner
                        ORDER BY created_at DESC, id LIMIT :limit
                        """)
                .param("owner", account.value())
                .param("limit", limit)
                .query((rs, n) -> new BallotId(rs.getString("id")))
                .list();
    }
}
