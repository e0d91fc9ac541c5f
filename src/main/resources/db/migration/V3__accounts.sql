-- Accounts (signed-in users), the provider identities that lead to them, and who owns a ballot.
--
-- An account is found again by its provider identity (provider + the provider's stable subject id), or, for a
-- new identity, by an email address that both the provider and the account had verified. Guests have no
-- account: a guest's ballot is owned by whoever holds its manage key, of which only a hash is stored.

CREATE TABLE account (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text        NOT NULL,
    email           text,
    email_verified  boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz NOT NULL DEFAULT now()
);

-- A verified address names at most one account: it is how a second provider finds the first one's account.
CREATE UNIQUE INDEX account_verified_email ON account (lower(email)) WHERE email_verified;

CREATE TABLE account_identity (
    provider       text        NOT NULL,
    subject        text        NOT NULL,
    account_id     bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    email          text,
    email_verified boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);

CREATE INDEX account_identity_account ON account_identity (account_id);

-- A ballot has at most one kind of owner: an account, or the holder of its manage key (SHA-256 of the key).
-- Ballots created before this migration have neither.
ALTER TABLE ballot
    ADD COLUMN owner_id        bigint REFERENCES account (id) ON DELETE SET NULL,
    ADD COLUMN manage_key_hash bytea,
    ADD CONSTRAINT ballot_one_kind_of_owner CHECK (owner_id IS NULL OR manage_key_hash IS NULL);

-- The dashboard: an account's ballots, newest first.
CREATE INDEX ballot_owner_newest ON ballot (owner_id, created_at DESC) WHERE owner_id IS NOT NULL;
