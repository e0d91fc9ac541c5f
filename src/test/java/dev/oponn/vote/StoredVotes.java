package dev.oponn.vote;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the vote tests read behind the application's back: a ballot's counted votes and its voter rows. */
final class StoredVotes {

    private StoredVotes() {}

    /** The ballot's votes, all options and shards summed. */
    static long total(JdbcClient jdbc, String ballotId) {
        return jdbc.sql("SELECT coalesce(sum(votes), 0) FROM tally_shard WHERE ballot_id = :id")
                .param("id", ballotId)
                .query(Long.class)
                .single();
    }

    /** The devices that have voted on the ballot. */
    static long voters(JdbcClient jdbc, String ballotId) {
        return jdbc.sql("SELECT count(*) FROM ballot_voter WHERE ballot_id = :id")
                .param("id", ballotId)
                .query(Long.class)
                .single();
    }
}
