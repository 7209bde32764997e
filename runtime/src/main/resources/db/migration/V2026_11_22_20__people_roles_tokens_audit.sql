-- Departments, roles, API tokens and the audit log (docs/spec.md §8, DESIGN "Security model").

CREATE TABLE departments (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    parent_id   uuid REFERENCES departments (id),
    manager_id  uuid REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1
);
CREATE INDEX departments_parent ON departments (parent_id);

ALTER TABLE users ADD COLUMN department_id uuid REFERENCES departments (id);
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE INDEX users_department ON users (department_id);

-- A role as docs/spec.md §8 writes it: {"key", "permissions": [{"app", "form", "actions": {...}, "fields": {...}}]}
CREATE TABLE roles (
    role_key    text PRIMARY KEY,
    definition  jsonb NOT NULL,
    version     integer NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
    user_id   uuid NOT NULL REFERENCES users (id),
    role_key  text NOT NULL REFERENCES roles (role_key),
    PRIMARY KEY (user_id, role_key)
);

-- Integration tokens: the secret is shown once and stored only as its SHA-256 hash.
CREATE TABLE api_tokens (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    secret_hash   text NOT NULL UNIQUE,
    roles         text[] NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Append-only: no API writes or deletes entries, and the database refuses it too.
CREATE TABLE audit_log (
    id          uuid PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       uuid,
    actor_name  text,
    action      text NOT NULL,
    app_key     text,
    form_key    text,
    record_id   uuid,
    address     text,
    detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, at DESC);
CREATE INDEX audit_log_record ON audit_log (record_id, at DESC);
CREATE INDEX audit_log_form ON audit_log (app_key, form_key, at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
