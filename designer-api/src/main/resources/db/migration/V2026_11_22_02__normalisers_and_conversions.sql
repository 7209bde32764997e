-- Normalisers for duplicate rules and the conversions publishing checks before changing a column's type.
-- They mirror dev.brickwork.forms.normalize.Normalizers exactly; NormalizerAgreementTest holds them to it.
-- IMMUTABLE so that expression indexes may use them.

CREATE FUNCTION half_width(s text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN translate(s, '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　', '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ');

CREATE FUNCTION norm_text(s text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN nullif(btrim(regexp_replace(lower(brickwork.half_width(s)), '[ \t\n\r\f\u000b\u00a0]+', ' ', 'g'), ' '), '');

CREATE FUNCTION norm_email(s text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN nullif(replace(brickwork.norm_text(s), ' ', ''), '');

CREATE FUNCTION norm_phone(s text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
    trimmed text := regexp_replace(brickwork.half_width(s), '^[ \t\n\r\f\u000b\u00a0]+', '');
    digits  text := regexp_replace(brickwork.half_width(s), '[^0-9]', '', 'g');
BEGIN
    IF left(trimmed, 1) = '+' OR left(trimmed, 2) = '00' THEN
        IF left(trimmed, 2) = '00' THEN
            digits := substr(digits, 3);
        END IF;
        IF left(digits, 1) IN ('1', '7') THEN
            digits := substr(digits, 2);
        ELSIF left(digits, 2) IN ('20','27','30','31','32','33','34','36','39','40','41','43','44','45','46','47',
                                  '48','49','51','52','53','54','55','56','57','58','60','61','62','63','64','65',
                                  '66','81','82','84','86','90','91','92','93','94','95','98') THEN
            digits := substr(digits, 3);
        ELSE
            digits := substr(digits, 4);
        END IF;
    ELSIF length(digits) = 13 AND left(digits, 2) = '86' THEN
        digits := substr(digits, 3);
    END IF;
    IF left(digits, 1) = '0' THEN
        digits := substr(digits, 2);
    END IF;
    RETURN nullif(digits, '');
END $$;

CREATE FUNCTION norm_company(s text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
    name text := brickwork.norm_text(s);
    suffix text;
    rest text;
    cut boolean;
    english text[] := ARRAY['co ltd','company limited','limited','ltd','inc','incorporated','llc','l l c',
                            'corp','corporation','co','company','gmbh','plc'];
    chinese text[] := ARRAY['股份有限公司','有限责任公司','集团有限公司','有限公司','集团','公司'];
BEGIN
    IF name IS NULL THEN
        RETURN NULL;
    END IF;
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

-- Conversions: NULL when the text does not convert, so publishing can list the values that block a type change.
CREATE FUNCTION try_numeric(s text) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
    RETURN btrim(s)::numeric;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION try_date(s text) RETURNS date
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
    IF btrim(s) !~ '^\d{4}-\d{2}-\d{2}$' THEN
        RETURN NULL;
    END IF;
    RETURN btrim(s)::date;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION try_timestamptz(s text) RETURNS timestamptz
    LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT AS $$
BEGIN
    IF btrim(s) !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' THEN
        RETURN NULL;
    END IF;
    RETURN btrim(s)::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION try_boolean(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN CASE lower(btrim(s))
        WHEN 'true' THEN true WHEN 'yes' THEN true WHEN 'y' THEN true WHEN '1' THEN true
        WHEN 'false' THEN false WHEN 'no' THEN false WHEN 'n' THEN false WHEN '0' THEN false
    END;
