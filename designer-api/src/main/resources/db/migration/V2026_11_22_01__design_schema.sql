-- Design-time metadata: apps, forms (with their draft) and immutable published versions.

CREATE TABLE apps (
    id          uuid PRIMARY KEY,
    app_key     text NOT NULL UNIQUE,
    label       jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid,
    version     integer NOT NULL DEFAULT 1
);

CREATE TABLE forms (
    id               uuid PRIMARY KEY,
    app_id           uuid NOT NULL REFERENCES apps (id),
    form_key         text NOT NULL,
    draft            jsonb,
    draft_problems   jsonb NOT NULL DEFAULT '[]',
    draft_saved_at   timestamptz,
    draft_saved_by   uuid,
    current_version  integer,
    version          integer NOT NULL DEFAULT 1,
    UNIQUE (app_id, form_key)
);

CREATE TABLE form_versions (
    id            uuid PRIMARY KEY,
    form_id       uuid NOT NULL REFERENCES forms (id),
    number        integer NOT NULL,
    definition    jsonb NOT NULL,
    migration     jsonb NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now(),
    published_by  uuid,
    UNIQUE (form_id, number)
);
