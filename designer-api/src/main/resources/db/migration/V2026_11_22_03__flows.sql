-- Approval flows: the working draft of each flow (a designed flow as JSON, or an uploaded BPMN with its binding)
-- and its immutable published versions, each deployed to the BPMN engine.

CREATE TABLE flows (
    id               uuid PRIMARY KEY,
    app_id           uuid NOT NULL REFERENCES apps (id),
    flow_key         text NOT NULL,
    -- a designed flow (docs/spec.md §5) ...
    draft            jsonb,
    -- ... or an uploaded BPMN, whose binding comes with the upload: the form and the trigger {"on", "when"}
    draft_bpmn       text,
    draft_form       text,
    draft_trigger    jsonb,
    draft_problems   jsonb NOT NULL DEFAULT '[]',
    draft_saved_at   timestamptz,
    draft_saved_by   uuid,
    current_version  integer,
    version          integer NOT NULL DEFAULT 1,
    UNIQUE (app_id, flow_key),
    CHECK (draft IS NULL OR draft_bpmn IS NULL)
);

CREATE TABLE flow_versions (
    id                     uuid PRIMARY KEY,
    flow_id                uuid NOT NULL REFERENCES flows (id),
    number                 integer NOT NULL,
    form_key               text NOT NULL,
    -- {"on": "submit|create|update", "when": "..."}
    trigger                jsonb NOT NULL,
    -- the designed flow; null for an uploaded BPMN
    definition             jsonb,
    bpmn                   text NOT NULL,
    plan                   jsonb NOT NULL,
    deployment_id          text NOT NULL,
    process_definition_id  text NOT NULL UNIQUE,
    published_at           timestamptz NOT NULL DEFAULT now(),
    published_by           uuid,
    UNIQUE (flow_id, number)
);
