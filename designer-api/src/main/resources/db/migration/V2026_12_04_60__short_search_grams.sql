-- A q of one or two characters has no trigram, so pg_trgm's indexes cannot serve it (decision 0028): two-character
-- Chinese names and single characters are common searches. short_grams gives every one- and two-character piece of a
-- text, lower-cased, so a GIN index over it answers "contains this one- or two-character text" exactly; publish
-- gives each searched text field such an index. IMMUTABLE: lower() of the default collation does not change while
-- the database lives.
CREATE OR REPLACE FUNCTION brickwork.short_grams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT piece), '{}')
    FROM (SELECT substr(lower(value), i, 1) AS piece FROM generate_series(1, char_length(value)) AS i
          UNION ALL
          SELECT substr(lower(value), i, 2) FROM generate_series(1, char_length(value) - 1) AS i) AS pieces
$$;
