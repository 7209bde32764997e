package dev.brickwork.runtime.input;

import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.brickwork.runtime.input.BadInputWorld.APP;
import static dev.brickwork.runtime.input.BadInputWorld.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A key repeated in any object of any body is refused at the repeat, instead of the last one silently winning. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class DuplicateKeysTest {

    private static String record;

    @BeforeEach
    void publishTheApp() {
        record = BadInputWorld.record();
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', value = {
            "POST  | records            | {\"fields\": {\"name\": \"a\"}, \"fields\": {\"name\": \"b\"}}                 | /fields",
            "POST  | records            | {\"fields\": {\"name\": \"a\", \"name\": \"b\"}}                              | /fields/name",
            "PATCH | records/{record}   | {\"fields\": {\"amount\": \"1.00\", \"amount\": \"2.00\"}}                    | /fields/amount",
            "POST  | records/duplicates | {\"fields\": {\"name\": \"a\", \"name\": \"b\"}}                              | /fields/name",
            "PUT   | draft              | {\"schemaVersion\": 1, \"key\": \"dup\", \"fields\": [{\"key\": \"a\", \"type\": \"text\", \"type\": \"money\"}]} | /fields/0/type",
            "PUT   | flow               | {\"schemaVersion\": 1, \"key\": \"dupf\", \"key\": \"dupf\", \"nodes\": []}   | /key",
            "POST  | apps               | {\"key\": \"dup_app\", \"label\": {\"en\": \"A\", \"en\": \"B\"}}             | /label/en",
            "POST  | users              | {\"username\": \"dup_u\", \"password\": \"long-enough-1\", \"displayName\": \"A\", \"displayName\": \"B\"} | /displayName",
            "POST  | departments        | {\"name\": \"A\", \"name\": \"B\"}                                            | /name",
            "POST  | tokens             | {\"name\": \"A\", \"roles\": [], \"roles\": [\"admin\"]}                      | /roles",
            "PUT   | roles/dup_role     | {\"key\": \"dup_role\", \"permissions\": [], \"permissions\": []}             | /permissions",
            "POST  | login              | {\"username\": \"admin\", \"password\": \"x\", \"password\": \"y\"}           | /password"})
    void refusesARepeatedKeyWith400AtItsPointer(String method, String target, String body, String pointer) {
        long before = BadInputWorld.footprint();

        admin().body(body).request(method, path(target)).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("BODY_MALFORMED")).body("errors[0].code", equalTo("JSON_DUPLICATE_KEY"))
                .body("errors[0].pointer", equalTo(pointer));

        assertThat(BadInputWorld.footprint()).isEqualTo(before);
    }

    private static String path(String target) {
        return switch (target) {
            case "draft" -> "/api/v1/design/apps/" + APP + "/forms/dup/draft";
            case "flow" -> "/api/v1/design/apps/" + APP + "/flows/dupf/draft";
            case "apps" -> "/api/v1/design/apps";
            case "login" -> "/api/v1/auth/login";
            case "users", "departments", "tokens" -> "/api/v1/admin/" + target;
            default -> target.startsWith("roles/") ? "/api/v1/admin/" + target
                    : BadInputWorld.RECORDS + "/" + target.replace("records", "").replace("{record}", record).replaceFirst("^/", "");
        };
    }
}
