package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The vote path's SQL. The ballot's voting window is checked against the database's clock inside the same
 * statement that claims the voter, so a vote counts only if the ballot is active when it is written, whatever
 * the instance's clock says.
 */
@Repository
class VoteRepository {

    /** Sharding the counter rows lets concurrent votes for one option commit without queueing on one row lock. */
    static final int TALLY_SHARDS = 16;

    private static final String ACTIVE_BALLOT = """
            SELECT id FROM ballot
            WHERE id = :ballot AND starts_at <= now() AND (ends_at IS NULL OR ends_at > now())
            """;

    private final JdbcClient jdbc;

    VoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the voter and counts the vote in one statement (one round trip, one commit). Nothing is written
     * unless the ballot is active and this voter has not voted; a concurrent twin waits on the primary key and
     * then writes nothing.
     *
     * @return whether the vote was counted
     */
    boolean record(BallotId ballot, byte[] voterKey, int optionId, int shard) {
        return jdbc.sql("""
                                WITH active AS (%s),
                                voter AS (
                                    INSERT INTO ballot_voter (ballot_id, voter_key)
                                    SELECT id, :voter FROM active
                                    ON CONFLICT DO NOTHING
                                    RETURNING ballot_id
                                )
                                INSERT INTO tally_shard (ballot_id, option_id, shard, votes)
                                SELECT ballot_id, :option, :shard, 1 FROM voter
                                ON CONFLICT (ballot_id, option_id, shard) DO UPDATE SET votes = tally_shard.votes + 1
                                """.formatted(ACTIVE_BALLOT))
                        .param("ballot", ballot.value())
                        .param("voter", voterKey)
                        .param("option", optionId)
                        .param("shard", shard)
                        .update()
                == 1;
    }

    /** The first half of {@link #record} for a write-in, whose option may have to be created in between. */
    boolean claimVoter(BallotId ballot, byte[] voterKey) {
        return jdbc.sql(
                                "INSERT INTO ballot_voter (ballot_id, voter_key) SELECT id, :voter FROM (%s) active ON CONFLICT DO NOTHING"
                                        .formatted(ACTIVE_BALLOT))
                        .param("ballot", ballot.value())
                        .param("voter", voterKey)
                        .update()
                == 1;
    }

    void count(BallotId ballot, int optionId, int shard) {
        jdbc.sql("""
                        INSERT INTO tally_shard (ballot_id, option_id, shard, votes) VALUES (:ballot, :option, :shard, 1)
                        ON CONFLICT (ballot_id, option_id, shard) DO UPDATE SET votes = tally_shard.votes + 1
                        """)
                .param("ballot", ballot.value())
                .param("option", optionId)
                .param("shard", shard)
                .update();
    }

    boolean hasVoted(BallotId ballot, byte[] voterKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ballot_voter WHERE ballot_id = :ballot AND voter_key = :voter)")
                .param("ballot", ballot.value())
                .param("voter", voterKey)
                .query(Boolean.class)
                .single();
    }

    /** Only asked after a refusal, to say which side of the window the ballot is on by the database's clock. */
    boolean notYetStarted(BallotId ballot) {
        return jdbc.sql("SELECT starts_at > now() FROM ballot WHERE id = :ballot")
                .param("ballot", ballot.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
