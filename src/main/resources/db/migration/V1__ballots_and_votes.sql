-- Ballots, their options, who has voted and how many votes each option has.
--
-- Privacy by shape: ballot_voter records only that a device (as a keyed hash) voted on a ballot, and
-- tally_shard holds only counts. Nothing stored links a voter to an option, not even insertion order,
-- because counts are updated in place.
--
-- Nothing a person wrote is stored readable: the measure and every option label are AES-256-GCM ciphertexts
-- (Tink, with the ballot id, the column and the option id as associated data) under the ballot's own data key,
-- which ballot_key holds only wrapped by the master key (dev.oponn.crypto).

CREATE TABLE ballot (
    id                 text PRIMARY KEY,
    measure            bytea       NOT NULL,
    allow_write_in     boolean     NOT NULL,
    voting_method      text        NOT NULL DEFAULT 'single' CHECK (voting_method IN ('single', 'multiple', 'ranked')),
    results_visibility text        NOT NULL DEFAULT 'live' CHECK (results_visibility IN ('live', 'after_close')),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz,
    -- highest option_id handed out; write-ins take the next number under a row lock
    option_count       integer     NOT NULL CHECK (option_count >= 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE TABLE ballot_option (
    ballot_id text    NOT NULL REFERENCES ballot (id) ON DELETE CASCADE,
    option_id integer NOT NULL CHECK (option_id > 0),
    label     bytea   NOT NULL,
    -- HMAC of the normalised label (server secret, ballot id): equal labels collide, text stays unreadable
    label_key bytea   NOT NULL,
    write_in  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (ballot_id, option_id),
    UNIQUE (ballot_id, label_key)
);

-- One row per device that voted on a ballot. The primary key is the one-vote-per-device rule.
-- No foreign key on purpose: it would take a KEY SHARE lock on the ballot row for every vote, turning the
-- hottest row into a multixact. Deleting a ballot deletes these rows in the same transaction.
CREATE TABLE ballot_voter (
    ballot_id text  NOT NULL,
    voter_key bytea NOT NULL,
    PRIMARY KEY (ballot_id, voter_key)
);

-- Vote counts, split over a few shards per option so concurrent votes for one option rarely wait on one row.
-- The foreign key is checked only when a shard row is first inserted, not on the increments.
CREATE TABLE tally_shard (
    ballot_id text     NOT NULL,
    option_id integer  NOT NULL,
    shard     smallint NOT NULL,
    votes     bigint   NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (ballot_id, option_id, shard),
    FOREIGN KEY (ballot_id, option_id) REFERENCES ballot_option (ballot_id, option_id) ON DELETE CASCADE
);

-- The ballot's data key (a Tink keyset) encrypted by the master key with the ballot id as associated data.
-- master_key_id names the master key that wrapped it, so a new master key can become primary while old rows
-- still open, and a re-wrap can find the rows still under an old one. Deleting this row first destroys the
-- ballot: without it nothing of the ballot can be decrypted again.
CREATE TABLE ballot_key (
    ballot_id     text        PRIMARY KEY REFERENCES ballot (id) ON DELETE CASCADE,
    master_key_id text        NOT NULL,
    wrapped_key   bytea       NOT NULL,
    wrapped_at    timestamptz NOT NULL DEFAULT now()
);
