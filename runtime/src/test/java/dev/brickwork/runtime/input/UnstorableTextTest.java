package dev.brickwork.runtime.input;

import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.brickwork.runtime.input.BadInputWorld.APP;
import static dev.brickwork.runtime.input.BadInputWorld.RECORDS;
import static dev.brickwork.runtime.input.BadInputWorld.admin;
import static dev.brickwork.runtime.input.BadInputWorld.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character or a lone UTF-16 surrogate, sent at every kind of entry point, is a located refusal that writes
 * nothing and leaves no stack trace in the log (PostgreSQL cannot store either; the driver wrote a surrogate as ?).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class UnstorableTextTest {

    /** JSON escapes as sent inside a string: a NUL, a lone high and a lone low surrogate. */
    private static final String[] BAD = {"a\\u0000b", "x\\ud800", "\\udc00y"};

    private static String record;

    @BeforeEach
    void publishTheApp() {
        record = BadInputWorld.record();
    }

    /** One request shape: its caller, method and path, the body with {@code BAD} in one string, the answer expected. */
    record EntryPoint(String name, Function<String, Response> send, int status, String pointer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> bodies() {
        Stream<EntryPoint> points = Stream.of(
                body("a record's text", "POST", RECORDS, "{\"fields\": {\"name\": \"BAD\"}}", 422, "/fields/name"),
                body("a record changed", "PATCH", RECORDS + "/{record}", "{\"fields\": {\"name\": \"BAD\"}}", 422, "/fields/name"),
                body("a duplicate check", "POST", RECORDS + "/duplicates", "{\"fields\": {\"name\": \"BAD\"}}", 422, "/fields/name"),
                body("an app's label", "POST", "/api/v1/design/apps", "{\"key\": \"nul_app\", \"label\": {\"en\": \"BAD\"}}", 422, "/label/en"),
                body("a form draft's label", "PUT", "/api/v1/design/apps/" + APP + "/forms/other/draft",
                        "{\"schemaVersion\": 1, \"key\": \"other\", \"label\": {\"en\": \"BAD\"}, \"fields\": []}", 422, "/label/en"),
                body("a flow draft", "PUT", "/api/v1/design/apps/" + APP + "/flows/nul_flow/draft",
                        "{\"schemaVersion\": 1, \"key\": \"nul_flow\", \"form\": \"thing\", \"trigger\": {\"on\": \"BAD\"}, \"nodes\": []}",
                        422, "/trigger/on"),
                body("a user name", "POST", "/api/v1/admin/users",
                        "{\"username\": \"BAD\", \"password\": \"long-enough-1\", \"displayName\": \"N\"}", 422, "/username"),
                body("a display name", "POST", "/api/v1/admin/users",
                        "{\"username\": \"nul_user\", \"password\": \"long-enough-1\", \"displayName\": \"BAD\"}", 422, "/displayName"),
                body("a department name", "POST", "/api/v1/admin/departments", "{\"name\": \"BAD\"}", 422, "/name"),
                body("a role definition", "PUT", "/api/v1/admin/roles/nul_role",
                        "{\"key\": \"nul_role\", \"permissions\": [{\"app\": \"BAD\", \"form\": \"thing\", \"actions\": {\"read\": \"all\"}}]}",
                        422, "/permissions/0/app"),
                body("an API token's name", "POST", "/api/v1/admin/tokens", "{\"name\": \"BAD\", \"roles\": []}", 422, "/name"),
                body("a task comment", "POST", "/api/v1/tasks/" + UUID.randomUUID() + "/approve", "{\"comment\": \"BAD\"}", 422, "/comment"),
                login("the login name", "{\"username\": \"BAD\", \"password\": \"whatever-1\"}", "/username"),
                login("the login password", "{\"username\": \"admin\", \"password\": \"BAD\"}", "/password"),
                query("a filter value", "filter", "{\"field\": \"name\", \"op\": \"eq\", \"value\": \"BAD\"}", "/filter/value"));
        return points.flatMap(point -> Stream.of(BAD).map(bad -> Arguments.of(point, bad)));
    }

    @ParameterizedTest(name = "{0} holding {1}")
    @MethodSource("bodies")
    void isRefusedAtItsPointerWritingNothingAndLoggingNoTrace(EntryPoint point, String bad) {
        long before = BadInputWorld.footprint();

        try (LogCapture log = LogCapture.open()) {
            Response answer = point.send().apply(bad);

            answer.then().statusCode(point.status()).contentType("application/problem+json");
            assertThat(answer.jsonPath().getString("code")).isIn("TEXT_INVALID", "BODY_MALFORMED", "FILTER_INVALID");
            assertThat(answer.jsonPath().getString("errors[0].code")).isEqualTo("TEXT_INVALID");
            if (point.pointer() != null) {
                assertThat(answer.jsonPath().getString("errors[0].pointer")).isEqualTo(point.pointer());
            }
            assertThat(log.tracesAndErrors()).isEmpty();
        }
        assertThat(BadInputWorld.footprint()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aKeyHoldingANulIsALocated422AndOneHoldingALoneSurrogateIsMalformed() {
        long before = BadInputWorld.footprint();

        admin().body("{\"fields\": {\"na\\u0000me\": \"x\"}}").post(RECORDS).then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("TEXT_INVALID"))
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/fields/na\uFFFDme"));
        admin().body("{\"fields\": {\"na\\ud800me\": \"x\"}}").post(RECORDS).then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("BODY_MALFORMED"));

        assertThat(BadInputWorld.footprint()).isEqualTo(before);
    }

    static Stream<Arguments> parameters() {
        return Stream.of(Arguments.of("q", "/q"), Arguments.of("sort", "/sort"), Arguments.of("cursor", "/cursor"),
                Arguments.of("limit", "/limit"));
    }

    @ParameterizedTest(name = "a NUL in {0}")
    @MethodSource("parameters")
    void aNulInAQueryParameterIsALocated422(String parameter, String pointer) {
        try (LogCapture log = LogCapture.open()) {
            admin().queryParam(parameter, "a\u0000b").get(RECORDS).then().statusCode(422)
                    .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("TEXT_INVALID"))
                    .body("errors[0].pointer", org.hamcrest.Matchers.equalTo(pointer));
            assertThat(log.tracesAndErrors()).isEmpty();
        }
    }

    @ParameterizedTest(name = "a NUL in the path: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/apps/a%00b/forms/thing/records",
            "/api/v1/admin/roles/a%00b", "/api/v1/design/apps/a%00b"})
    void aNulInAPathNamesNothing(String path) {
        try (LogCapture log = LogCapture.open()) {
            admin().urlEncodingEnabled(false).get(path).then().statusCode(404).contentType("application/problem+json");
            assertThat(log.tracesAndErrors()).isEmpty();
        }
    }

    private static EntryPoint body(String name, String method, String path, String body, int status, String pointer) {
        return new EntryPoint(name, bad -> send(admin(), method, path, body.replace("BAD", bad)), status, pointer);
    }

    private static EntryPoint login(String name, String body, String pointer) {
        return new EntryPoint(name, bad -> send(anonymous(), "POST", "/api/v1/auth/login", body.replace("BAD", bad)), 400, pointer);
    }

    private static EntryPoint query(String name, String parameter, String value, String pointer) {
        return new EntryPoint(name, bad -> admin().queryParam(parameter, value.replace("BAD", bad)).get(RECORDS), 422, pointer);
    }

    private static Response send(RequestSpecification request, String method, String path, String body) {
        return request.body(body).request(method, path.replace("{record}", record));
    }
}
