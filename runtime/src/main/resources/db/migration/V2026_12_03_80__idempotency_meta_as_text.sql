-- A replay must answer the first answer byte for byte; jsonb reorders an object's keys, json keeps the text as written.
ALTER TABLE idempotency_keys ALTER COLUMN meta TYPE json USING meta::json;
