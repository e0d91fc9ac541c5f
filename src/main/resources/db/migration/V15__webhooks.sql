-- Webhooks (issue 15): an owner's registrations, and the outbox of their deliveries.
-- No foreign key to ballot: a deleted ballot's registrations are removed by the same transaction that deletes it,
-- after its ballot.deleted deliveries are written here, and deliveries outlive their registration.
CREATE TABLE webhook (
    id text PRIMARY KEY,
    ballot_id text NOT NULL,
    url text NOT NULL,
    events text[] NOT NULL,
    -- The signing key, sealed (AES-GCM) under a key derived from the server secret.
    secret bytea NOT NULL,
    -- The ballot end for which ballot.closed and results.final were written: one pair per end, whichever instance
    -- sees it first.
    notified_end timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_ballot ON webhook (ballot_id);

CREATE TABLE webhook_delivery (
    -- The webhook-id header: the same on every attempt of one message.
    id text PRIMARY KEY,
    webhook_id text NOT NULL,
    url text NOT NULL,
    secret bytea NOT NULL,
    event_type text NOT NULL,
    -- The whole body, signed as sent. It carries ids and counts, never ballot text.
    payload text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz,
    failed_at timestamptz,
    last_status integer
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
