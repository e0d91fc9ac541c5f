package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the counters say: the one read of {@code tally_shard} other features get. The counters are this feature's
 * table because it is what writes them; results asks here rather than knowing how they are sharded.
 */
@Repository
public class Tallies {

    private final JdbcClient jdbc;

    Tallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Votes per option id: a primary-key range scan over at most options × shards rows. */
    public Map<Integer, Long> counts(BallotId ballot) {
        Map<Integer, Long> counts = new HashMap<>();
        jdbc.sql("SELECT option_id, sum(votes) AS votes FROM tally_shard WHERE ballot_id = :ballot GROUP BY option_id")
                .param("ballot", ballot.value())
                .query(rs -> {
                    counts.put(rs.getInt("option_id"), rs.getLong("votes"));
                });
        return counts;
    }
}
