-- Owner controls (issue 12): who may vote on a ballot. 'anyone' counts one vote per device (as every ballot did
-- before); 'signed_in' counts one vote per account, the voter key then being an HMAC of the account instead of
-- the device, so that still nothing links the account to its choice.
ALTER TABLE ballot
    ADD COLUMN who_may_vote text NOT NULL DEFAULT 'anyone' CHECK (who_may_vote IN ('anyone', 'signed_in'));
