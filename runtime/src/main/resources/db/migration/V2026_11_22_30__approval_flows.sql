-- Approval flows (docs/spec.md §5) beside the engine's own schema: what ties record writes and the engine together.

-- A record write that must reach the engine (start or cancel a flow), written in the record's transaction.
-- A worker delivers it; the engine transaction that acts on it also deletes the row, so delivery happens once.
CREATE TABLE flow_outbox (
    id                     uuid PRIMARY KEY,
    kind                   text NOT NULL CHECK (kind IN ('start', 'cancel')),
    app_key                text NOT NULL,
    form_key               text NOT NULL,
    record_id              uuid NOT NULL,
    flow_key               text,
    process_definition_id  text,
    actor                  uuid,
    created_at             timestamptz NOT NULL DEFAULT now(),
    attempts               integer NOT NULL DEFAULT 0,
    next_attempt_at        timestamptz NOT NULL DEFAULT now(),
    last_error             text
);
CREATE INDEX flow_outbox_due ON flow_outbox (next_attempt_at);

-- What a flow step does to records, written in the engine's transaction (the reverse outbox); applied to the
-- record and deleted in one transaction of ours, in order.
CREATE TABLE flow_effects (
    seq          bigserial PRIMARY KEY,
    app_key      text NOT NULL,
    form_key     text NOT NULL,
    record_id    uuid NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('timeline', 'update', 'finish', 'notify')),
    actor        uuid,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flow_effects_record ON flow_effects (record_id, seq);

-- The in-app inbox of each user.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    kind        text NOT NULL,
    message     text NOT NULL,
    app_key     text,
    form_key    text,
    record_id   uuid,
    task_id     text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);

-- Timeline entries of flow steps carry what is not a field change: the node, the comment, the task.
ALTER TABLE record_changes ADD COLUMN detail jsonb;
