package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A field is tightened after records were stored (an option removed, a length lowered, a pattern or range changed, a
 * field made required): records holding the old value stay readable and editable, and only writing a value the field
 * no longer takes is refused (decision 0014).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class TightenedFieldsTest {

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            option     | {"type": "select", "options": [{"value": "open"}, {"value": "lost"}]} | {"type": "select", "options": [{"value": "open"}]} | "lost"         | FIELD_OPTION_UNKNOWN
            options    | {"type": "multiselect", "options": [{"value": "a"}, {"value": "b"}]}  | {"type": "multiselect", "options": [{"value": "a"}]} | ["a", "b"]   | FIELD_OPTION_UNKNOWN
            length     | {"type": "text"}                                                       | {"type": "text", "maxLength": 3}                     | "longer"       | FIELD_TOO_LONG
            pattern    | {"type": "text"}                                                       | {"type": "text", "pattern": "^[A-Z]+$"}              | "ab-1"         | FIELD_PATTERN_MISMATCH
            range      | {"type": "number"}                                                     | {"type": "number", "min": 10}                        | 3              | FIELD_BELOW_MIN
            required   | {"type": "text"}                                                       | {"type": "text", "required": true}                   | null           | FIELD_REQUIRED
            """)
    void aRecordHoldingAValueTheFieldNoLongerTakesCanStillBeEdited(String app, String before, String after, String held,
                                                                  String code) {
        String appKey = "tight_" + app;
        String records = "/api/v1/apps/" + appKey + "/forms/deal/records";
        Design.createApp(appKey).statusCode(201);
        Design.publishDefinition(appKey, "deal", deal(before));
        String id = given().body("{\"fields\": {\"name\": \"a\", \"v\": " + held + "}}").post(records).then().statusCode(201)
                .extract().path("id");
        Design.publishDefinition(appKey, "deal", deal(after));

        given().get(records + "/" + id).then().statusCode(200).body("fields.name", equalTo("a"));
        given().body("{\"fields\": {\"name\": \"renamed\"}}").patch(records + "/" + id).then().statusCode(200)
                .body("fields.name", equalTo("renamed"));
        given().body("{\"fields\": {\"name\": \"again\", \"v\": " + held + "}}").patch(records + "/" + id).then()
                .statusCode(200);

        given().body("{\"fields\": {\"name\": \"b\", \"v\": " + held + "}}").post(records).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("/fields/v")).body("errors.code", contains(code));
    }

    private static String deal(String field) {
        return "{\"schemaVersion\": 1, \"key\": \"deal\", \"fields\": [{\"key\": \"name\", \"type\": \"text\"}, "
                + field.replace("{\"type\"", "{\"key\": \"v\", \"type\"") + "]}";
    }
}
