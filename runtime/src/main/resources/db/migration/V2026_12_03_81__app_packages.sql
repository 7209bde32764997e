-- The package each app was last installed or upgraded from (docs/spec.md §3): the base an upgrade merges against,
-- so it can tell an admin's edits from the package's changes (decision 0021).
CREATE TABLE app_packages (
    app_key       text PRIMARY KEY,
    app_version   text NOT NULL,
    package       jsonb NOT NULL,
    installed_at  timestamptz NOT NULL DEFAULT now(),
    installed_by  uuid
);
