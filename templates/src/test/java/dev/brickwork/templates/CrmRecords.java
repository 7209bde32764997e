package dev.brickwork.templates;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Records of the starter's forms as engine-forms validates them, on a fixed clock: 2026-12-03 in Shanghai. */
final class CrmRecords {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private CrmRecords() {
    }

    /** A valid record as created, with its computed values. */
    static RecordValidation valid(String form, String fields) {
        RecordValidation validation = check(form, fields);
        assertThat(validation.problems()).as("the problems of the %s", form).isEmpty();
        return validation;
    }

    /** Validates a record as created; roll-up values in {@code fields} stand for what the platform stored. */
    static RecordValidation check(String form, String fields) {
        JsonNode node = parse(fields);
        Set<String> written = new HashSet<>();
        node.fieldNames().forEachRemaining(written::add);
        CrmFormsTest.computedKeys(CrmParts.form(form)).forEach(written::remove);
        return new RecordValidator(CLOCK, SHANGHAI).validate(CrmParts.compiled(form), node, written);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
