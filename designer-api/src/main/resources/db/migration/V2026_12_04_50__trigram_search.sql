-- q (a case-insensitive substring of a form's text fields) is served by a trigram index per searched column
-- (decision 0028). pg_trgm comes with PostgreSQL's contrib and is a trusted extension: the database's owner may
-- create it. Where it cannot be created the platform runs without it: publish makes trigram indexes only while
-- pg_extension lists it, and q then scans.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA brickwork;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%): q searches without trigram indexes', SQLERRM;
END $$;
