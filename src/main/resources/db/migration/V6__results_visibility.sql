-- Issue 12: a third visibility, after_vote (a device sees counts once it has voted). The column has existed since V1
-- with live as its default; only the set of allowed values grows.
ALTER TABLE ballot DROP CONSTRAINT IF EXISTS ballot_results_visibility_check;
ALTER TABLE ballot ADD CONSTRAINT ballot_results_visibility_check
    CHECK (results_visibility IN ('live', 'after_vote', 'after_close'));
