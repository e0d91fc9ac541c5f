package dev.oponn.results;

import dev.oponn.ballot.BallotId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TallyRepository {

    private final JdbcClient jdbc;

    TallyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Votes per option id: a primary-key range scan over at most options × shards rows. */
    Map<Integer, Long> counts(BallotId ballot) {
        Map<Integer, Long> counts = new HashMap<>();
        jdbc.sql("SELECT option_id, sum(votes) AS votes FROM tally_shard WHERE ballot_id = :ballot GROUP BY option_id")
                .param("ballot", ballot.value())
                .query(rs -> {
                    counts.put(rs.getInt("option_id"), rs.getLong("votes"));
                });
        return counts;
    }
}
