package dev.oponn.ballot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for ballots and their options. Callers own the transaction. */
@Repository
public class BallotRepository {

    private final JdbcClient jdbc;

    BallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Ballot ballot, List<byte[]> labelKeys) {
        jdbc.sql("""
                        INSERT INTO ballot (id, measure, allow_write_in, voting_method, results_visibility,
                                            starts_at, ends_at, option_count, created_at)
                        VALUES (:id, :measure, :allowWriteIn, :method, :visibility,
                                :startsAt, :endsAt, :optionCount, :createdAt)
                        """)
                .param("id", ballot.id().value())
                .param("measure", ballot.measure())
                .param("allowWriteIn", ballot.allowWriteIn())
                .param("method", ballot.votingMethod().name().toLowerCase(Locale.ROOT))
                .param("visibility", ballot.resultsVisibility().name().toLowerCase(Locale.ROOT))
                .param("startsAt", Timestamp.from(ballot.startsAt()))
                .param("endsAt", ballot.endsAt() == null ? null : Timestamp.from(ballot.endsAt()))
                .param("optionCount", ballot.options().size())
                .param("createdAt", Timestamp.from(ballot.createdAt()))
                .update();
        for (int i = 0; i < ballot.options().size(); i++) {
            BallotOption option = ballot.options().get(i);
            insertOption(ballot.id(), option, labelKeys.get(i));
        }
    }

    private void insertOption(BallotId ballot, BallotOption option, byte[] labelKey) {
        jdbc.sql("""
                        INSERT INTO ballot_option (ballot_id, option_id, label, label_key, write_in)
                        VALUES (:ballot, :id, :label, :key, :writeIn)
                        """)
                .param("ballot", ballot.value())
                .param("id", option.id())
                .param("label", option.label())
                .param("key", labelKey)
                .param("writeIn", option.writeIn())
                .update();
    }

    Optional<Ballot> find(BallotId id) {
        List<BallotOption> options = jdbc.sql("""
                        SELECT option_id, label, write_in FROM ballot_option
                        WHERE ballot_id = :id ORDER BY option_id
                        """)
                .param("id", id.value())
                .query((rs, n) ->
                        new BallotOption(rs.getInt("option_id"), rs.getString("label"), rs.getBoolean("write_in")))
                .list();
        return jdbc.sql("""
                        SELECT measure, allow_write_in, voting_method, results_visibility, starts_at, ends_at, created_at
                        FROM ballot WHERE id = :id
                        """)
                .param("id", id.value())
                .query((rs, n) -> ballot(id, rs, options))
                .optional();
    }

    private static Ballot ballot(BallotId id, ResultSet rs, List<BallotOption> options) throws SQLException {
        return new Ballot(
                id,
                rs.getString("measure"),
                options,
                rs.getBoolean("allow_write_in"),
                VotingMethod.valueOf(rs.getString("voting_method").toUpperCase(Locale.ROOT)),
                ResultsVisibility.valueOf(rs.getString("results_visibility").toUpperCase(Locale.ROOT)),
                instant(rs.getTimestamp("starts_at")),
                rs.getTimestamp("ends_at") == null ? null : instant(rs.getTimestamp("ends_at")),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    /**
     * The option a write-in names, added if the ballot has none that reads the same. Locks the ballot row first
     * so that two concurrent write-ins of the same text serialise and the second finds the first's option; the
     * lock is {@code NO KEY UPDATE}, which ordinary votes never wait for. Must run inside a transaction.
     *
     * @return the option's id and whether this call created it
     */
    public WriteInOption findOrAddWriteIn(BallotId ballot, String label, byte[] labelKey) {
        int count = jdbc.sql("SELECT option_count FROM ballot WHERE id = :id FOR NO KEY UPDATE")
                .param("id", ballot.value())
                .query(Integer.class)
                .single();
        @Nullable
        Integer existing = jdbc.sql("SELECT option_id FROM ballot_option WHERE ballot_id = :id AND label_key = :key")
                .param("id", ballot.value())
                .param("key", labelKey)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            return new WriteInOption(existing, false);
        }
        int id = count + 1;
        insertOption(ballot, new BallotOption(id, label, true), labelKey);
        jdbc.sql("UPDATE ballot SET option_count = :count WHERE id = :id")
                .param("count", id)
                .param("id", ballot.value())
                .update();
        return new WriteInOption(id, true);
    }

    public record WriteInOption(int optionId, boolean created) {}
}
