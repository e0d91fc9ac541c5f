-- Defences against vote stuffing (issue 11), each the ballot owner's choice, and the counts of what they refused.
--
-- per_address_cap: most votes one client network (an IPv4 address, an IPv6 /64) may cast on the ballot; NULL is
-- off, the default, because a classroom behind one address must be able to vote.
-- vote_challenge: votes need a proof of work solved by the vote page's script.
ALTER TABLE ballot
    ADD COLUMN per_address_cap integer CHECK (per_address_cap > 0),
    ADD COLUMN vote_challenge  boolean NOT NULL DEFAULT false;

-- Votes counted per client network on a capped ballot. address_key is HMAC(secret, ballot, network): it stores no
-- address, differs per ballot, and holds no link to a choice. Only capped ballots have rows.
-- No foreign key, as for ballot_voter: deleting a ballot deletes these rows in the same transaction.
CREATE TABLE ballot_address_votes (
    ballot_id   text    NOT NULL,
    address_key bytea   NOT NULL,
    votes       integer NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (ballot_id, address_key)
);

-- Proof-of-work challenges already used, kept until they expire so that none is spent twice on any instance.
CREATE TABLE spent_vote_challenge (
    salt       bytea       PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

CREATE INDEX spent_vote_challenge_expiry ON spent_vote_challenge (expires_at);

-- Votes each defence refused, per ballot, for its owner's manage page. Written in aggregate about once a second,
-- never on the path of a counted vote.
CREATE TABLE ballot_vote_refusals (
    ballot_id text   NOT NULL REFERENCES ballot (id) ON DELETE CASCADE,
    reason    text   NOT NULL,
    refusals  bigint NOT NULL CHECK (refusals >= 0),
    PRIMARY KEY (ballot_id, reason)
);
