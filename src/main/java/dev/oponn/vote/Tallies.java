package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the counters say: the one read of {@code tally_shard} and {@code tally_content} other features get. The counters are this feature's
 * table because it is what writes them; results asks here rather than knowing how they are sharded.
 */
@Repository
public class Tallies {

    private final JdbcClient jdbc;

    Tallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A multiple-choice or approval ballot's counts and how many voted, read in one statement (one snapshot), so
     * that no share is computed against a voter count from another moment.
     */
    public record Picks(Map<Integer, Long> counts, long voters) {}

    public Picks picks(BallotId ballot) {
        Map<Integer, Long> counts = new HashMap<>();
        long[] voters = {0};
        jdbc.sql("""
                        SELECT option_id, sum(votes) AS votes FROM tally_shard WHERE ballot_id = :ballot
                        GROUP BY option_id
                        UNION ALL
                        SELECT NULL, (SELECT count(*) FROM ballot_voter WHERE ballot_id = :ballot)
                        """).param("ballot", ballot.value()).query(rs -> {
            int option = rs.getInt("option_id");
            if (rs.wasNull()) {
                voters[0] = rs.getLong("votes");
            } else {
                counts.put(option, rs.getLong("votes"));
            }
        });
        return new Picks(counts, voters[0]);
    }

    /**
     * A ranked ballot's rankings (option ids, best first), each with how many ballots had exactly it, handed over
     * one by one as they are read: a ballot can hold 100,000 distinct rankings, and the caller builds its own map.
     */
    public void eachRanking(BallotId ballot, BiConsumer<List<Integer>, Long> each) {
        contents(ballot, (content, votes) -> each.accept(BallotContents.readRanking(content), votes));
    }

    /** A score ballot's score vectors (stars by option id, unscored left out), each with its number of ballots. */
    public void eachScores(BallotId ballot, BiConsumer<Map<Integer, Integer>, Long> each) {
        contents(ballot, (content, votes) -> each.accept(BallotContents.readScores(content), votes));
    }

    private void contents(BallotId ballot, BiConsumer<String, Long> each) {
        jdbc.sql("SELECT content, sum(votes) AS votes FROM tally_content WHERE ballot_id = :ballot GROUP BY content")
                .param("ballot", ballot.value())
                .query(rs -> {
                    each.accept(rs.getString("content"), rs.getLong("votes"));
                });
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
