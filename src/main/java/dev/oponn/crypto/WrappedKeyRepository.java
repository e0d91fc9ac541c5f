package dev.oponn.crypto;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code ballot_key}: each ballot's data key, wrapped, and the id of the master key that wrapped it. */
@Repository
class WrappedKeyRepository {

    private final JdbcClient jdbc;

    WrappedKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs in the caller's transaction, after the ballot row exists. */
    void insert(String ballotId, WrappedKey key) {
        jdbc.sql("INSERT INTO ballot_key (ballot_id, master_key_id, wrapped_key) VALUES (:ballot, :master, :wrapped)")
                .param("ballot", ballotId)
                .param("master", key.masterKeyId())
                .param("wrapped", key.bytes())
                .update();
    }

    Optional<WrappedKey> find(String ballotId) {
        return jdbc.sql("SELECT master_key_id, wrapped_key FROM ballot_key WHERE ballot_id = :ballot")
                .param("ballot", ballotId)
                .query((rs, n) -> new WrappedKey(rs.getString("master_key_id"), rs.getBytes("wrapped_key")))
                .optional();
    }

    boolean delete(String ballotId) {
        return jdbc.sql("DELETE FROM ballot_key WHERE ballot_id = :ballot")
                        .param("ballot", ballotId)
                        .update()
                == 1;
    }

    /** One page of wrapped keys in ballot-id order, starting after {@code afterBallotId}. */
    List<Row> page(String afterBallotId, int size) {
        return jdbc.sql("""
                        SELECT ballot_id, master_key_id, wrapped_key FROM ballot_key
                        WHERE ballot_id > :after ORDER BY ballot_id LIMIT :size
                        """)
                .param("after", afterBallotId)
                .param("size", size)
                .query((rs, n) -> new Row(
                        rs.getString("ballot_id"),
                        new WrappedKey(rs.getString("master_key_id"), rs.getBytes("wrapped_key"))))
                .list();
    }

    /** Replaces the wrapping only if nobody changed or deleted the row since it was read. */
    boolean replace(String ballotId, WrappedKey old, WrappedKey fresh) {
        return jdbc.sql("""
                                UPDATE ballot_key SET master_key_id = :master, wrapped_key = :wrapped, wrapped_at = now()
                                WHERE ballot_id = :ballot AND wrapped_key = :old
                                """)
                        .param("master", fresh.masterKeyId())
                        .param("wrapped", fresh.bytes())
                        .param("ballot", ballotId)
                        .param("old", old.bytes())
                        .update()
                == 1;
    }

    record Row(String ballotId, WrappedKey key) {}
}
