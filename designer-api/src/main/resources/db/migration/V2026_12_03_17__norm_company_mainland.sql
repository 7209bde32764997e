-- The company normaliser also drops "(中国)" (a mainland entity marker: 西门子（中国）有限公司) and a trailing 股份,
-- as Normalizers.COMPANY does (NormalizerAgreementTest holds the two together; decision 0004). Indexes built on
-- the function are rebuilt: their names hash the definition text, not the function's body, so no publish would.
CREATE OR REPLACE FUNCTION brickwork.norm_company(s text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
    name text := brickwork.norm_text(s);
    suffix text;
    rest text;
    cut boolean;
    english text[] := ARRAY['co ltd','company limited','limited','ltd','inc','incorporated','llc','l l c',
                            'corp','corporation','co','company','gmbh','plc'];
    chinese text[] := ARRAY['股份有限公司','有限责任公司','集团有限公司','有限公司','集团','公司','股份'];
BEGIN
    IF name IS NULL THEN
        RETURN NULL;
    END IF;
    name := regexp_replace(name, '\( ?中 ?国 ?\)', ' ', 'g');
    name := translate(name, '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~，。、；：（）【】《》“”‘’·「」', '                                                  ');
    name := btrim(regexp_replace(name, ' +', ' ', 'g'));
    LOOP
        cut := false;
        FOREACH suffix IN ARRAY english LOOP
            IF length(name) > length(suffix) + 1 AND right(name, length(suffix) + 1) = ' ' || suffix THEN
                name := btrim(left(name, length(name) - length(suffix) - 1));
                cut := true;
                EXIT;
            END IF;
        END LOOP;
        IF NOT cut THEN
            FOREACH suffix IN ARRAY chinese LOOP
                -- one optional space between the suffix's characters, as the Java twin allows
                rest := regexp_replace(name, array_to_string(regexp_split_to_array(suffix, ''), ' ?') || '$', '');
                IF rest <> name AND rest <> '' THEN
                    name := btrim(rest);
                    cut := true;
                    EXIT;
                END IF;
            END LOOP;
        END IF;
        EXIT WHEN NOT cut;
    END LOOP;
    RETURN nullif(replace(name, ' ', ''), '');
END $$;

-- A unique (blocking) index whose rows are duplicates under the wider rule cannot be rebuilt: it is dropped, with a
-- warning, and the rule is then held by the write-time check alone until the data is merged and the form published
-- with the rule again (a publish compares index names, so it recreates what is missing only when the rule changes).
DO $$
DECLARE
    ix record;
BEGIN
    FOR ix IN SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_index x
            JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname LIKE 'app\_%' AND pg_get_indexdef(x.indexrelid) LIKE '%norm_company%' LOOP
        BEGIN
            EXECUTE 'REINDEX INDEX ' || ix.name;
        EXCEPTION WHEN unique_violation THEN
            RAISE WARNING 'duplicate-rule index % dropped: live rows are duplicates under the new company rule', ix.name;
            EXECUTE 'DROP INDEX ' || ix.name;
        END;
    END LOOP;
END $$;
