-- The ballot_window view also publishes per_address_cap: vote's capped statements read the cap in the statement
-- that counts the network, and now read it here, like the window, so no feature but ballot names the ballot table
-- (TableOwnershipTests). Still a plain view over one table, the new column last (as CREATE OR REPLACE VIEW
-- requires): PostgreSQL inlines it, and the vote statements' plans keep their shape.
CREATE OR REPLACE VIEW ballot_window AS
    SELECT id AS ballot_id, starts_at, ends_at, per_address_cap FROM ballot;
