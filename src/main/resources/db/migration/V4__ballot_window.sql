-- What the ballot feature publishes of its table for other features' statements: a ballot's voting window.
-- The vote path checks the window against the database's clock in the same statement that claims the voter, so it
-- must read it in SQL; it reads this view, never the ballot table, whose other columns stay the ballot feature's.
-- A plain view over one table: PostgreSQL inlines it, so the vote statement's plan is the same as before.
CREATE VIEW ballot_window AS
    SELECT id AS ballot_id, starts_at, ends_at FROM ballot;
