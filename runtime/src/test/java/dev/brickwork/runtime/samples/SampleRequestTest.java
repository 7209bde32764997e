package dev.brickwork.runtime.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.templates.samples.SampleSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SampleRequestTest {

    @Test
    void readsALoadWithItsDefaults() {
        // given a body naming only the app and generator
        SampleRequest request = SampleRequest.parse(bytes("{\"app\": \"crm\", \"generator\": \"crm-sample\"}"));

        // then the size is small and the seed 42
        assertThat(request).isEqualTo(new SampleRequest("crm", "crm-sample", SampleSize.SMALL, 42));
    }

    @Test
    void readsEverythingGiven() {
        SampleRequest request = SampleRequest.parse(bytes(
                "{\"app\": \"crm\", \"generator\": \"crm-sample\", \"size\": \"tiny\", \"seed\": -7}"));

        assertThat(request).isEqualTo(new SampleRequest("crm", "crm-sample", SampleSize.TINY, -7));
    }

    @Test
    void readsAPackageSeedForTheInstalledApp() {
        JsonNode seed = JsonBodies.parse(bytes("{\"generator\": \"crm-sample\", \"size\": \"small\"}"));

        assertThat(SampleRequest.ofSeed("crm", seed)).isEqualTo(new SampleRequest("crm", "crm-sample", SampleSize.SMALL, 42));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"generator\": \"crm-sample\"}                                     | /app       | PROPERTY_REQUIRED",
            "{\"app\": 7, \"generator\": \"crm-sample\"}                         | /app       | PROPERTY_INVALID",
            "{\"app\": \"crm\"}                                                  | /generator | PROPERTY_REQUIRED",
            "{\"app\": \"crm\", \"generator\": \"erp-sample\"}                   | /generator | GENERATOR_UNKNOWN",
            "{\"app\": \"crm\", \"generator\": \"crm-sample\", \"size\": \"huge\"} | /size     | SIZE_UNKNOWN",
            "{\"app\": \"crm\", \"generator\": \"crm-sample\", \"seed\": 1.5}     | /seed      | SEED_INVALID",
            "{\"app\": \"crm\", \"generator\": \"crm-sample\", \"seed\": \"42\"}  | /seed      | SEED_INVALID",
            "{\"app\": \"crm\", \"generator\": \"crm-sample\", \"rows\": 10}      | /rows      | PROPERTY_UNKNOWN",
            "[]                                                                  | ''         | BODY_NOT_OBJECT",
    })
    void refusesABadRequestAtThePropertyItGotWrong(String body, String pointer, String code) {
        ProblemException refused = catchThrowableOfType(() -> SampleRequest.parse(bytes(body)), ProblemException.class);

        assertThat(refused.type()).isEqualTo(SampleProblem.SAMPLE_REQUEST_INVALID);
        assertThat(refused.errors()).extracting(ProblemError::pointer, ProblemError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, code));
    }

    @Test
    void neverEchoesTheRejectedValue() {
        ProblemException refused = catchThrowableOfType(() -> SampleRequest.parse(bytes(
                "{\"app\": \"crm\", \"generator\": \"secret-generator\", \"size\": \"secret-size\"}")), ProblemException.class);

        assertThat(refused.errors()).hasSize(2).allSatisfy(error -> assertThat(error.message()).doesNotContain("secret"));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
