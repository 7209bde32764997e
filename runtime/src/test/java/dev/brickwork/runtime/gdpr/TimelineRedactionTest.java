package dev.brickwork.runtime.gdpr;

import dev.brickwork.platform.http.JsonBodies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                        | {}",
            "{\"name\": {\"from\": null, \"to\": \"Ada\"}}             | {\"name\": {\"from\": null, \"to\": \"[erased]\"}}",
            "{\"score\": {\"from\": 1, \"to\": 2}}                     | {\"score\": {\"from\": \"[erased]\", \"to\": \"[erased]\"}}",
            "{\"tags\": {\"from\": [], \"to\": [\"vip\"]}}             | {\"tags\": {\"from\": [], \"to\": \"[erased]\"}}",
            "{\"lines\": {\"from\": [{\"id\": \"x\", \"street\": \"A\"}], \"to\": []}} | {\"lines\": {\"from\": \"[erased]\", \"to\": []}}",
            "{\"odd\": \"Ada\"}                                        | {\"odd\": \"[erased]\"}",
            "{\"name\": {\"from\": \"[erased]\", \"to\": null}}        | {\"name\": {\"from\": \"[erased]\", \"to\": null}}"})
    void replacesEveryValueButKeepsWhichFieldsChanged(String diff, String expected) {
        assertThat(TimelineRedaction.redact(JsonBodies.parse(diff))).isEqualTo(JsonBodies.parse(expected));
    }
}
