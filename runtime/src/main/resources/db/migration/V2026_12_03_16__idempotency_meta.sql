-- A replayed create answers the first answer's meta (duplicate warnings: rule keys and record ids, no values).
ALTER TABLE idempotency_keys ADD COLUMN meta jsonb;
