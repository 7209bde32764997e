-- The audit log stays append-only for everything but three deliberate changes (decision 0015):
--   * tallies: repeated failed or throttled logins from one address (and, for a known user, per user) within a
--     window are one row whose detail (attempts, lastAt, names) is updated in place, so a flood of bad logins
--     cannot grow the log by a row per attempt;
--   * retention: rows older than the configured retention are deleted, only by a transaction that has declared the
--     cut-off (set_config('brickwork.audit_purge_before', ...)), and only rows before it;
--   * GDPR erase: the detail of a subject's rows may be rewritten, only by a transaction that has named the record
--     (set_config('brickwork.audit_redact_record', ...)), and nothing but the detail.
-- TRUNCATE is always refused.
ALTER TABLE audit_log ADD COLUMN tally_key text;
CREATE UNIQUE INDEX audit_log_tally ON audit_log (tally_key) WHERE tally_key IS NOT NULL;

DROP TRIGGER audit_log_append_only ON audit_log;

CREATE FUNCTION audit_log_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    purge_before text := current_setting('brickwork.audit_purge_before', true);
    redact_record text := current_setting('brickwork.audit_redact_record', true);
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF coalesce(purge_before, '') <> '' AND OLD.at < purge_before::timestamptz THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'the audit log is append-only (rows leave only by the retention purge)';
    END IF;
    IF (NEW.id, NEW.at, NEW.actor, NEW.actor_name, NEW.action, NEW.app_key, NEW.form_key, NEW.record_id, NEW.address,
        NEW.tally_key) IS DISTINCT FROM (OLD.id, OLD.at, OLD.actor, OLD.actor_name, OLD.action, OLD.app_key,
        OLD.form_key, OLD.record_id, OLD.address, OLD.tally_key) THEN
        RAISE EXCEPTION 'the audit log is append-only (only a tally''s or an erased record''s detail changes)';
    END IF;
    IF OLD.tally_key IS NOT NULL OR (coalesce(redact_record, '') <> '' AND OLD.record_id::text = redact_record) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END $$;

CREATE TRIGGER audit_log_row_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_row_change();
CREATE TRIGGER audit_log_append_only BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
