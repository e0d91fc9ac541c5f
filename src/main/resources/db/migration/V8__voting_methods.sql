-- Voting methods (issue 13): multiple choice, approval, ranked and score ballots.
--
-- Multiple choice and approval count on tally_shard, one more on each chosen option's shard. Ranked and score
-- ballots are counted as one count per distinct ballot content in tally_content: the same privacy by shape as the
-- counter shards. A row holds a ranking or a score vector and how many ballots had exactly it, updated in place,
-- so nothing links it to a voter row, not even insertion order, and a content cast by one voter looks like one
-- cast by thousands until more arrive.
ALTER TABLE ballot DROP CONSTRAINT IF EXISTS ballot_voting_method_check;
ALTER TABLE ballot ADD CONSTRAINT ballot_voting_method_check
    CHECK (voting_method IN ('single', 'multiple', 'approval', 'ranked', 'score'));

-- Most options one voter may pick on a multiple-choice ballot; NULL for every other method.
ALTER TABLE ballot
    ADD COLUMN max_choices integer CHECK (max_choices >= 2),
    ADD CONSTRAINT ballot_max_choices_only_multiple CHECK ((max_choices IS NOT NULL) = (voting_method = 'multiple'));

-- content: a ranking as option ids best first ('3,1,2'), or a score vector as option:stars for every option given
-- at least one star, in option order ('1:5,3:2'). Option ids are not secret (labels are sealed); a write-in's id is
-- fixed in the same transaction that stores the content naming it. Sharded as tally_shard is, so that one popular
-- content voted on two instances at once rarely waits on one row.
-- No foreign key, as for ballot_voter: deleting a ballot deletes these rows in the same transaction.
CREATE TABLE tally_content (
    ballot_id text     NOT NULL,
    content   text     NOT NULL,
    shard     smallint NOT NULL,
    votes     bigint   NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (ballot_id, content, shard)
);
