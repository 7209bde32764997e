-- What the records API keeps beside the form tables: the timeline, auto-number counters and idempotency keys.

-- Every change to a record with its field-level diff; append-only.
CREATE TABLE record_changes (
    id          uuid PRIMARY KEY,
    app_key     text NOT NULL,
    form_key    text NOT NULL,
    record_id   uuid NOT NULL,
    version     integer NOT NULL,
    action      text NOT NULL,
    actor       uuid,
    at          timestamptz NOT NULL DEFAULT now(),
    diff        jsonb NOT NULL
);
CREATE INDEX record_changes_record ON record_changes (record_id, at DESC);

-- One counter per auto-number field and period ({yyyy}/{MM} in the pattern); the row lock held until commit
-- means concurrent creates wait for each other, and a rolled-back create gives its number back: no gaps, no repeats.
CREATE TABLE autonumber_counters (
    app_key   text NOT NULL,
    form_key  text NOT NULL,
    field_key text NOT NULL,
    period    text NOT NULL,
    value     bigint NOT NULL,
    PRIMARY KEY (app_key, form_key, field_key, period)
);

-- A POST with an Idempotency-Key creates once; a retry gets the record the first one made.
CREATE TABLE idempotency_keys (
    user_id     uuid NOT NULL,
    key         text NOT NULL,
    app_key     text NOT NULL,
    form_key    text NOT NULL,
    record_id   uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
