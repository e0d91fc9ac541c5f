package dev.oponn.vote;

import dev.oponn.ballot.BallotId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The vote path's SQL. The ballot's voting window is checked against the database's clock inside the same
 * statement that claims the voter, so a vote counts only if the ballot is active when it is written, whatever
 * the instance's clock says. It owns {@code ballot_voter}, {@code tally_shard}, {@code tally_content} and {@code ballot_address_votes}; of
 * the ballot it reads only the {@code ballot_window} view: the window and, in the capped statements, the per-address
 * cap ({@code TableOwnershipTests}).
 */
@Repository
class VoteRepository {

    /** Sharding the counter rows lets concurrent votes for one option commit without queueing on one row lock. */
    static final int TALLY_SHARDS = 16;

    /** Reads the ballot feature's published view of the window, not its table. */
    private static final String ACTIVE_BALLOT = """
            SELECT ballot_id AS id FROM ballot_window
            WHERE ballot_id = :ballot AND starts_at <= now() AND (ends_at IS NULL OR ends_at > now())
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    VoteRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The end of every statement that counts a vote: one more on the option's shard. */
    private static final String ADD_ONE_TO_SHARD =
            "ON CONFLICT (ballot_id, option_id, shard) DO UPDATE SET votes = tally_shard.votes + 1\n";

    /** The end of every statement that counts a vote against its network: one more, only while under the cap. */
    private static final String ADD_ONE_UNDER_CAP = """
            ON CONFLICT (ballot_id, address_key) DO UPDATE SET votes = counted.votes + 1
            WHERE counted.votes < (SELECT coalesce(per_address_cap, 2147483647) FROM ballot_window WHERE ballot_id = :ballot)
            """;

    /** Claims the voter for the ballot the CTE {@code %2$s} returns as {@code %1$s}, then counts it if that happened. */
    private static final String CLAIM_AND_COUNT = """
            voter AS (
                INSERT INTO ballot_voter (ballot_id, voter_key)
                SELECT %1$s, :voter FROM %2$s
                ON CONFLICT DO NOTHING
                RETURNING ballot_id
            )
            """;

    private static final String COUNT_OPTION = """
            INSERT INTO tally_shard (ballot_id, option_id, shard, votes)
            SELECT ballot_id, :option, :shard, 1 FROM voter
            """ + ADD_ONE_TO_SHARD;

    /** Several options, one more on each one's shard, in the array's (ascending) order. */
    private static final String COUNT_OPTIONS = """
            INSERT INTO tally_shard (ballot_id, option_id, shard, votes)
            SELECT ballot_id, picked, :shard, 1 FROM voter, unnest(CAST(:options AS integer[])) AS picked
            """ + ADD_ONE_TO_SHARD;

    /** One more ballot with this ranking or score vector. */
    private static final String COUNT_CONTENT = """
            INSERT INTO tally_content (ballot_id, content, shard, votes)
            SELECT ballot_id, :content, :shard, 1 FROM voter
            ON CONFLICT (ballot_id, content, shard) DO UPDATE SET votes = tally_content.votes + 1
            """;

    private static final String ACTIVE_HEAD = "WITH active AS (%s),\n".formatted(ACTIVE_BALLOT);

    private static final String RECORD_VOTE = ACTIVE_HEAD + CLAIM_AND_COUNT.formatted("id", "active") + COUNT_OPTION;

    /**
     * A vote on a ballot with a per-address cap: the network's counter goes up first, only while it is under the
     * cap and only for a device that has not voted, and only then is the voter claimed, so a refused vote neither
     * counts nor uses up the device's vote. (Two concurrent twins of one device may both raise the counter before
     * one of them loses on the voter key: the cap errs against a device that races itself.)
     */
    private static final String CAPPED_HEAD = """
            WITH active AS (%s AND NOT EXISTS (
                SELECT 1 FROM ballot_voter WHERE ballot_id = :ballot AND voter_key = :voter)),
            address AS (
                INSERT INTO ballot_address_votes AS counted (ballot_id, address_key, votes)
                SELECT id, :address, 1 FROM active
                %s
                RETURNING ballot_id
            ),
            """.formatted(ACTIVE_BALLOT.strip(), ADD_ONE_UNDER_CAP.strip())
            + CLAIM_AND_COUNT.formatted("ballot_id", "address");

    private static final String RECORD_CAPPED_VOTE = CAPPED_HEAD + COUNT_OPTION;

    private static final String PLAIN_HEAD = ACTIVE_HEAD + CLAIM_AND_COUNT.formatted("id", "active");

    private static final String RECORD_OPTIONS = PLAIN_HEAD + COUNT_OPTIONS;
    private static final String RECORD_CAPPED_OPTIONS = CAPPED_HEAD + COUNT_OPTIONS;
    private static final String RECORD_CONTENT = PLAIN_HEAD + COUNT_CONTENT;
    private static final String RECORD_CAPPED_CONTENT = CAPPED_HEAD + COUNT_CONTENT;

    /** The statement for a vote of this kind on a ballot without a per-address cap, or with one. */
    private static String statement(VoteWriter.Kind kind, boolean capped) {
        return switch (kind) {
            case OPTION -> capped ? RECORD_CAPPED_VOTE : RECORD_VOTE;
            case OPTIONS -> capped ? RECORD_CAPPED_OPTIONS : RECORD_OPTIONS;
            case CONTENT -> capped ? RECORD_CAPPED_CONTENT : RECORD_CONTENT;
        };
    }

    /**
     * Claims each voter and counts each vote, one statement per vote, sent as one batch. A statement writes
     * nothing unless the ballot is active and the voter has not voted; a concurrent twin waits on the primary
     * key and then writes nothing. Votes on ballots with a per-address cap go in a second batch of the same
     * transaction, so that ballots without one pay nothing for it. Must run inside the caller's transaction.
     *
     * @return per vote, 1 if it was counted, 0 if not
     */
    int[] recordAll(List<VoteWriter.PendingVote> pending) {
        int[] counted = new int[pending.size()];
        for (VoteWriter.Kind kind : VoteWriter.Kind.values()) {
            List<Integer> plain = new ArrayList<>(pending.size());
            List<Integer> capped = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                VoteWriter.PendingVote vote = pending.get(i);
                if (vote.kind() == kind) {
                    (vote.addressKey() == null ? plain : capped).add(i);
                }
            }
            record(statement(kind, false), pending, plain, counted);
            record(statement(kind, true), pending, capped, counted);
        }
        return counted;
    }

    private void record(String sql, List<VoteWriter.PendingVote> pending, List<Integer> which, int[] counted) {
        if (which.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows =
                which.stream().map(pending::get).map(VoteRepository::parameters).toArray(SqlParameterSource[]::new);
        int[] results = batch.batchUpdate(sql, rows);
        for (int i = 0; i < which.size(); i++) {
            // Several options write a row each: counted is whether any was written.
            counted[which.get(i)] = results[i] > 0 ? 1 : 0;
        }
    }

    private static SqlParameterSource parameters(VoteWriter.PendingVote vote) {
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("ballot", vote.ballot().value())
                .addValue("voter", vote.voterKey())
                .addValue("shard", vote.shard())
                .addValue("address", vote.addressKey());
        return switch (vote.kind()) {
            case OPTION -> row.addValue("option", vote.optionId());
            case OPTIONS -> row.addValue("options", vote.marks());
            case CONTENT -> row.addValue("content", vote.marks());
        };
    }

    /** The write-in path's share of the per-address cap, inside its transaction: whether the network had room. */
    boolean countAddress(BallotId ballot, byte[] addressKey) {
        return jdbc.sql("INSERT INTO ballot_address_votes AS counted (ballot_id, address_key, votes)"
                                + " VALUES (:ballot, :address, 1)\n" + ADD_ONE_UNDER_CAP)
                        .param("ballot", ballot.value())
                        .param("address", addressKey)
                        .update()
                == 1;
    }

    /** Only asked after a refusal on a capped ballot: active by the database's clock means the cap refused it. */
    boolean isActive(BallotId ballot) {
        return jdbc.sql("SELECT EXISTS (%s)".formatted(ACTIVE_BALLOT))
                .param("ballot", ballot.value())
                .query(Boolean.class)
                .single();
    }

    /** The first half of a vote, for a write-in for a write-in, whose option may have to be created in between. */
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
        jdbc.sql("INSERT INTO tally_shard (ballot_id, option_id, shard, votes) VALUES (:ballot, :option, :shard, 1)\n"
                        + ADD_ONE_TO_SHARD)
                .param("ballot", ballot.value())
                .param("option", optionId)
                .param("shard", shard)
                .update();
    }

    /** The write-in path's count of several options, inside its transaction. */
    void countOptions(BallotId ballot, Collection<Integer> options, int shard) {
        jdbc.sql("INSERT INTO tally_shard (ballot_id, option_id, shard, votes)"
                        + " SELECT :ballot, picked, :shard, 1 FROM unnest(CAST(:options AS integer[])) AS picked\n"
                        + ADD_ONE_TO_SHARD)
                .param("ballot", ballot.value())
                .param("options", BallotContents.optionArray(options))
                .param("shard", shard)
                .update();
    }

    /** The write-in path's count of a ranking or score vector, inside its transaction. */
    void countContent(BallotId ballot, String content, int shard) {
        jdbc.sql("""
                        INSERT INTO tally_content (ballot_id, content, shard, votes) VALUES (:ballot, :content, :shard, 1)
                        ON CONFLICT (ballot_id, content, shard) DO UPDATE SET votes = tally_content.votes + 1
                        """)
                .param("ballot", ballot.value())
                .param("content", content)
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
        return jdbc.sql("SELECT starts_at > now() FROM ballot_window WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Every voter and counter of a deleted ballot; runs in the deleting transaction. */
    void deleteAll(BallotId ballot) {
        jdbc.sql("DELETE FROM ballot_voter WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .update();
        jdbc.sql("DELETE FROM tally_shard WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .update();
        jdbc.sql("DELETE FROM tally_content WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .update();
        jdbc.sql("DELETE FROM ballot_address_votes WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .update();
        jdbc.sql("DELETE FROM ballot_vote_refusals WHERE ballot_id = :ballot")
                .param("ballot", ballot.value())
                .update();
    }
}
