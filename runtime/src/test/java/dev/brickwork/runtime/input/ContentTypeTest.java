package dev.brickwork.runtime.input;

import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static dev.brickwork.runtime.input.BadInputWorld.APP;
import static dev.brickwork.runtime.input.BadInputWorld.RECORDS;
import static dev.brickwork.runtime.input.BadInputWorld.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A JSON body is read only when it is sent as JSON: a form post or {@code text/plain} (what a browser sends across
 * origins without asking first) is 415 before anything is read, on every endpoint family.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ContentTypeTest {

    // sends the Content-Type exactly as given, without a charset added
    private static final RestAssuredConfig AS_GIVEN = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static String record;

    @BeforeEach
    void publishTheApp() {
        record = BadInputWorld.record();
    }

    static Stream<Arguments> endpoints() {
        Stream<String[]> calls = Stream.of(
                new String[] {"POST", RECORDS, "{\"fields\": {\"name\": \"typed\"}}"},
                new String[] {"PATCH", RECORDS + "/{record}", "{\"fields\": {\"name\": \"typed\"}}"},
                new String[] {"POST", RECORDS + "/duplicates", "{\"fields\": {\"name\": \"typed\"}}"},
                new String[] {"POST", RECORDS + "/query", "{\"limit\": 5}"},
                new String[] {"POST", "/api/v1/design/apps", "{\"key\": \"typed_app\", \"label\": \"T\"}"},
                new String[] {"PUT", "/api/v1/design/apps/" + APP + "/forms/typed/draft", "{\"schemaVersion\": 1, \"key\": \"typed\", \"fields\": []}"},
                new String[] {"PUT", "/api/v1/design/apps/" + APP + "/flows/typed/draft", "{\"schemaVersion\": 1, \"key\": \"typed\", \"nodes\": []}"},
                new String[] {"POST", "/api/v1/admin/users", "{\"username\": \"typed_u\", \"password\": \"long-enough-1\", \"displayName\": \"T\"}"},
                new String[] {"POST", "/api/v1/admin/departments", "{\"name\": \"Typed\"}"},
                new String[] {"PUT", "/api/v1/admin/roles/typed_role", "{\"key\": \"typed_role\", \"permissions\": []}"},
                new String[] {"POST", "/api/v1/admin/tokens", "{\"name\": \"typed\", \"roles\": []}"},
                new String[] {"POST", "/api/v1/tasks/" + UUID.randomUUID() + "/approve", "{\"comment\": \"ok\"}"},
                new String[] {"POST", "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"wrong-one\"}"});
        return calls.flatMap(call -> Stream.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1")
                .map(type -> Arguments.of(call[0], call[1], call[2], type)));
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @MethodSource("endpoints")
    void refusesABodyNotSentAsJsonWith415AndWritesNothing(String method, String path, String body, String type) {
        long before = BadInputWorld.footprint();

        admin().config(AS_GIVEN).contentType(type).body(body).request(method, path.replace("{record}", record)).then()
                .statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("errors[0].code", equalTo("CONTENT_TYPE_UNSUPPORTED"));

        assertThat(BadInputWorld.footprint()).isEqualTo(before);
    }

    @Test
    void acceptsJsonWithACharsetAndJsonSuffixedTypes() {
        admin().config(AS_GIVEN).contentType("application/json; charset=UTF-8").body("{\"fields\": {\"name\": \"utf8\"}}")
                .post(RECORDS).then().statusCode(201);
        admin().config(AS_GIVEN).contentType("application/merge-patch+json").body("{\"fields\": {\"name\": \"merged\"}}")
                .patch(RECORDS + "/" + record).then().statusCode(200).body("fields.name", equalTo("merged"));
    }

    @Test
    void aFlowDraftAlsoTakesXmlAndABodylessPostNeedsNoType() {
        admin().config(AS_GIVEN).contentType("application/xml").body("<definitions/>").queryParam("form", "thing")
                .queryParam("on", "create").put("/api/v1/design/apps/" + APP + "/flows/typed_xml/draft")
                .then().statusCode(org.hamcrest.Matchers.not(415));
        admin().config(AS_GIVEN).contentType("application/xml").body("<x/>").post(RECORDS).then().statusCode(415);
        admin().config(AS_GIVEN).contentType("text/plain").post(RECORDS + "/" + record + "/restore").then()
                .statusCode(org.hamcrest.Matchers.not(415));
    }
}
