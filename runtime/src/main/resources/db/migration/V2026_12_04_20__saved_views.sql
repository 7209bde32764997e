-- Saved list views per form (docs/spec.md §4): a personal view is its owner's alone; a shared one is read by everyone
-- who may read the form. The state is what a list shows: columns, filter, sort, search and, for a kanban, groupBy.
CREATE TABLE saved_views (
    id          uuid PRIMARY KEY,
    app_key     text NOT NULL,
    form_key    text NOT NULL,
    name        text NOT NULL,
    shared      boolean NOT NULL,
    owner       uuid NOT NULL,
    view_type   text NOT NULL CHECK (view_type IN ('table', 'kanban')),
    state       jsonb NOT NULL,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- one name per owner among personal views, and once among a form's shared views
CREATE UNIQUE INDEX saved_views_name ON saved_views (app_key, form_key, (CASE WHEN shared THEN NULL ELSE owner END), lower(name))
    NULLS NOT DISTINCT;
