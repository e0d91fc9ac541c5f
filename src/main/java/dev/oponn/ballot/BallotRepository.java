package dev.oponn.ballot;

import dev.oponn.crypto.BallotKeys;
import dev.oponn.crypto.FieldCipher;
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

/**
 * SQL for ballots and their options. Callers own the transaction. What people wrote goes in and comes out through
 * the ballot's {@link FieldCipher}: the database only ever holds the ciphertexts (see {@link #MEASURE} and
 * {@link #label(int)} for the fields they are bound to).
 */
@Repository
class BallotRepository {

    static final String MEASURE = "ballot.measure";

    private final JdbcClient jdbc;
    private final BallotKeys keys;

    BallotRepository(JdbcClient jdbc, BallotKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The field an option's label is sealed as: bound to the option id, so labels cannot be swapped. */
    static String label(int optionId) {
        return "ballot_option.label:" + optionId;
    }

    void insert(Ballot ballot, List<byte[]> labelKeys, FieldCipher cipher) {
        jdbc.sql("""
                        INSERT INTO ballot (id, measure, allow_write_in, voting_method, results_visibility,
                                            starts_at, ends_at, option_count, created_at, per_address_cap, vote_challenge,
                                            who_may_vote, max_choices)
                        VALUES (:id, :measure, :allowWriteIn, :method, :visibility,
                                :startsAt, :endsAt, :optionCount, :createdAt, :perAddressCap, :voteChallenge,
:whoMayVote, :maxChoices)
                        """)
                .param("id", ballot.id().value())
                .param("measure", cipher.seal(MEASURE, ballot.measure()))
                .param("allowWriteIn", ballot.allowWriteIn())
                .param("method", ballot.votingMethod().value())
                .param("visibility", ballot.resultsVisibility().name().toLowerCase(Locale.ROOT))
                .param("startsAt", Timestamp.from(ballot.startsAt()))
                .param("endsAt", ballot.endsAt() == null ? null : Timestamp.from(ballot.endsAt()))
                .param("optionCount", ballot.options().size())
                .param("createdAt", Timestamp.from(ballot.createdAt()))
                .param("perAddressCap", ballot.defences().perAddressCap())
                .param("voteChallenge", ballot.defences().challenge())
                .param("whoMayVote", ballot.whoMayVote().value())
                .param("maxChoices", ballot.maxChoices())
                .update();
        for (int i = 0; i < ballot.options().size(); i++) {
            BallotOption option = ballot.options().get(i);
            insertOption(ballot.id(), option, labelKeys.get(i), cipher);
        }
    }

    /** @return whether there was such a ballot */
    boolean updateVisibility(BallotId id, ResultsVisibility visibility) {
        return jdbc.sql("UPDATE ballot SET results_visibility = :visibility WHERE id = :id")
                        .param("visibility", visibility.value())
                        .param("id", id.value())
                        .update()
                > 0;
    }

    private void insertOption(BallotId ballot, BallotOption option, byte[] labelKey, FieldCipher cipher) {
        jdbc.sql("""
                        INSERT INTO ballot_option (ballot_id, option_id, label, label_key, write_in)
                        VALUES (:ballot, :id, :label, :key, :writeIn)
                        """)
                .param("ballot", ballot.value())
                .param("id", option.id())
                .param("label", cipher.seal(label(option.id()), option.label()))
                .param("key", labelKey)
                .param("writeIn", option.writeIn())
                .update();
    }

    /**
     * The ballot, decrypted. Empty when there is no such ballot, or when its data key was destroyed (a ballot
     * being deleted): without its key a ballot is gone.
     *
     * @throws dev.oponn.crypto.CiphertextRejectedException if a stored field was altered or moved
     * @throws dev.oponn.crypto.KeyUnavailableException if the key is not cached and the master key is unreachable
     */
    Optional<Ballot> find(BallotId id) {
        Optional<StoredBallot> stored = jdbc.sql("""
                        SELECT measure, allow_write_in, voting_method, results_visibility, starts_at, ends_at, created_at,
                               per_address_cap, vote_challenge, who_may_vote, max_choices
                        FROM ballot WHERE id = :id
                        """)
                .param("id", id.value())
                .query((rs, n) -> stored(rs))
                .optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<StoredOption> options = jdbc.sql("""
                        SELECT option_id, label, write_in FROM ballot_option
                        WHERE ballot_id = :id ORDER BY option_id
                        """)
                .param("id", id.value())
                .query((rs, n) ->
                        new StoredOption(rs.getInt("option_id"), rs.getBytes("label"), rs.getBoolean("write_in")))
                .list();
        return keys.cipher(id.value()).map(cipher -> stored.get().open(id, options, cipher));
    }

    private static StoredBallot stored(ResultSet rs) throws SQLException {
        return new StoredBallot(
                rs.getBytes("measure"),
                rs.getBoolean("allow_write_in"),
                VotingMethod.parse(rs.getString("voting_method")).orElseThrow(),
                ResultsVisibility.valueOf(rs.getString("results_visibility").toUpperCase(Locale.ROOT)),
                instant(rs.getTimestamp("starts_at")),
                rs.getTimestamp("ends_at") == null ? null : instant(rs.getTimestamp("ends_at")),
                instant(rs.getTimestamp("created_at")),
                new VoteDefences(rs.getObject("per_address_cap", Integer.class), rs.getBoolean("vote_challenge")),
                WhoMayVote.parse(rs.getString("who_may_vote")).orElseThrow(),
                rs.getObject("max_choices", Integer.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    /**
     * Removes the ballot's own rows, its options and the ballot (the data key must already be destroyed); the
     * features that keep rows of their own delete them when they hear {@link BallotDeleted}. Returns whether there
     * was a ballot.
     */
    boolean delete(BallotId id) {
        jdbc.sql("DELETE FROM ballot_option WHERE ballot_id = :id")
                .param("id", id.value())
                .update();
        return jdbc.sql("DELETE FROM ballot WHERE id = :id")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /**
     * Ends an active ballot now, by the database's clock (the one the vote statement checks the window against).
     *
     * @return whether it was active
     */
    boolean close(BallotId id) {
        return jdbc.sql("""
                        UPDATE ballot SET ends_at = greatest(now(), starts_at + interval '1 microsecond')
                        WHERE id = :id AND starts_at <= now() AND (ends_at IS NULL OR ends_at > now())
                        """).param("id", id.value()).update() == 1;
    }

    /**
     * Makes an ended ballot active again until now plus {@code minutes}, or with no end when 0.
     *
     * @return whether it had ended
     */
    boolean reopen(BallotId id, long minutes) {
        return jdbc.sql("""
                        UPDATE ballot
                        SET ends_at = CASE WHEN :minutes = 0 THEN NULL ELSE now() + make_interval(mins => :minutes) END
                        WHERE id = :id AND ends_at IS NOT NULL AND ends_at <= now()
                        """)
                        .param("id", id.value())
                        .param("minutes", (int) minutes)
                        .update()
                == 1;
    }

    /**
     * Moves the end of an active or pending ballot {@code minutes} later; one without an end gets one, that long
     * after it opens (or after now, when it is open already).
     *
     * @return whether it had not ended
     */
    boolean extend(BallotId id, long minutes) {
        return jdbc.sql("""
                        UPDATE ballot
                        SET ends_at = coalesce(ends_at, greatest(starts_at, now())) + make_interval(mins => :minutes)
                        WHERE id = :id AND (ends_at IS NULL OR ends_at > now())
                        """)
                        .param("id", id.value())
                        .param("minutes", (int) minutes)
                        .update()
                == 1;
    }

    /**
     * Opens a scheduled ballot now.
     *
     * @return whether it had not started
     */
    boolean start(BallotId id) {
        return jdbc.sql("UPDATE ballot SET starts_at = now() WHERE id = :id AND starts_at > now()")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** The ballot's state by the database's clock, which decides; empty when there is no such ballot. */
    Optional<BallotStatus> statusNow(BallotId id) {
        return jdbc.sql("""
                        SELECT CASE WHEN starts_at > now() THEN 'PENDING'
                                    WHEN ends_at IS NOT NULL AND ends_at <= now() THEN 'ENDED'
                                    ELSE 'ACTIVE' END
                        FROM ballot WHERE id = :id
                        """)
                .param("id", id.value())
                .query(String.class)
                .optional()
                .map(BallotStatus::valueOf);
    }

    void setWhoMayVote(BallotId id, WhoMayVote who) {
        jdbc.sql("UPDATE ballot SET who_may_vote = :who WHERE id = :id")
                .param("who", who.value())
                .param("id", id.value())
                .update();
    }

    /**
     * The per-address cap from now on (absent: none). The vote statements read the cap from this row at vote time.
     *
     * @return whether it changed (false also for no such ballot)
     */
    boolean setPerAddressCap(BallotId id, @Nullable Integer cap) {
        return jdbc.sql("""
                        UPDATE ballot SET per_address_cap = CAST(:cap AS integer)
                        WHERE id = :id AND per_address_cap IS DISTINCT FROM CAST(:cap AS integer)
                        """).param("cap", cap).param("id", id.value()).update() == 1;
    }

    /** @return whether it changed (false also for no such ballot) */
    boolean setVoteChallenge(BallotId id, boolean challenge) {
        return jdbc.sql("UPDATE ballot SET vote_challenge = :challenge WHERE id = :id AND vote_challenge <> :challenge")
                        .param("challenge", challenge)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /**
     * The option a write-in names, added if the ballot has none that reads the same. Locks the ballot row first
     * so that two concurrent write-ins of the same text serialise and the second finds the first's option; the
     * lock is {@code NO KEY UPDATE}, which ordinary votes never wait for. Must run inside a transaction.
     *
     * @param maxWriteIns most write-in options the ballot may have; counted under the same lock, so concurrent
     *     write-ins cannot pass it
     * @return the option's id and whether this call created it
     * @throws WriteInLimitReached if the option would be new and the ballot already has {@code maxWriteIns}
     */
    BallotOptions.WriteIn findOrAddWriteIn(BallotId ballot, String label, byte[] labelKey, int maxWriteIns) {
        // Before the lock: on a cache miss this is the one master-key call, and no one should wait on it.
        FieldCipher cipher = keys.cipher(ballot.value())
                .orElseThrow(() -> new IllegalStateException("a ballot being voted on has no data key"));
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
            return new BallotOptions.WriteIn(existing, false);
        }
        int writeIns = jdbc.sql("SELECT count(*) FROM ballot_option WHERE ballot_id = :id AND write_in")
                .param("id", ballot.value())
                .query(Integer.class)
                .single();
        if (writeIns >= maxWriteIns) {
            throw new WriteInLimitReached(ballot, maxWriteIns);
        }
        int id = count + 1;
        insertOption(ballot, new BallotOption(id, label, true), labelKey, cipher);
        jdbc.sql("UPDATE ballot SET option_count = :count WHERE id = :id")
                .param("count", id)
                .param("id", ballot.value())
                .update();
        return new BallotOptions.WriteIn(id, true);
    }

    private record StoredOption(int id, byte[] label, boolean writeIn) {}

    /** A ballot row as stored, its measure still sealed. */
    private record StoredBallot(
            byte[] measure,
            boolean allowWriteIn,
            VotingMethod votingMethod,
            ResultsVisibility resultsVisibility,
            Instant startsAt,
            @Nullable Instant endsAt,
            Instant createdAt,
            VoteDefences defences,
            WhoMayVote whoMayVote,
            @Nullable Integer maxChoices) {

        Ballot open(BallotId id, List<StoredOption> options, FieldCipher cipher) {
            List<BallotOption> opened = options.stream()
                    .map(o -> new BallotOption(o.id(), cipher.open(label(o.id()), o.label()), o.writeIn()))
                    .toList();
            return new Ballot(
                    id,
                    cipher.open(MEASURE, measure),
                    opened,
                    allowWriteIn,
                    votingMethod,
                    resultsVisibility,
                    startsAt,
                    endsAt,
                    createdAt,
                    defences,
                    whoMayVote,
                    maxChoices);
        }
    }
}
