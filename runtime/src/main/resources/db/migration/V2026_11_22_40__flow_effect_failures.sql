-- A flow effect that cannot be applied (a value the field refuses, a record rule) is retried with a growing delay,
-- holding back the record's later effects so they land in order; after five attempts it is set aside (failed_at)
-- for an administrator to retry or discard, and the record's later effects go on.
ALTER TABLE flow_effects
    ADD COLUMN attempts        int NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN failed_at       timestamptz,
    ADD COLUMN last_error      text;
CREATE INDEX flow_effects_failed ON flow_effects (seq) WHERE failed_at IS NOT NULL;
