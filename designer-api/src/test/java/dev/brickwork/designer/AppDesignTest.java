package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class AppDesignTest {

    @Test
    void createsAnAppWithAChineseLabelAndListsIt() {
        Design.createApp("apps_crm").statusCode(201)
                .header("Location", containsString("/api/v1/design/apps/apps_crm"))
                .body("key", equalTo("apps_crm"))
                .body("label.'zh-CN'", equalTo("测试"));

        given().get("/api/v1/design/apps").then().statusCode(200).body("items.key", hasItem("apps_crm"));
        given().get("/api/v1/design/apps/apps_crm").then().statusCode(200)
                .body("key", equalTo("apps_crm")).body("forms.size()", equalTo(0));
    }

    @Test
    void refusesASecondAppWithTheSameKey() {
        Design.createApp("apps_twice").statusCode(201);
        List<List<String>> before = Db.snapshot();

        Design.createApp("apps_twice").statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("APP_EXISTS"))
                .body("errors[0].pointer", equalTo("/key"));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            key with upper case        | {"key": "Crm", "label": "CRM"}                      | /key   | KEY_INVALID
            key too long               | {"key": "a234567890123456789012345678901234567890x", "label": "x"} | /key | KEY_INVALID
            missing key                | {"label": "CRM"}                                    | /key   | PROPERTY_REQUIRED
            label of the wrong type    | {"key": "apps_bad", "label": 12}                    | /label | LABEL_INVALID
            unknown property           | {"key": "apps_bad", "label": "x", "colour": "red"}  | /colour | PROPERTY_UNKNOWN
            """)
    void refusesAnInvalidAppWithALocatedProblemAndWritesNothing(String name, String body, String pointer, String code) {
        List<List<String>> before = Db.snapshot();

        given().contentType(ContentType.JSON).body(body).post("/api/v1/design/apps").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("APP_INVALID"))
                .body("errors.pointer", hasItem(pointer))
                .body("errors.code", hasItem(code));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void answersMalformedJsonWith400AndNoEchoOfTheBody() {
        List<List<String>> before = Db.snapshot();

        given().contentType(ContentType.JSON).body("{\"key\": \"secret_value\", ").post("/api/v1/design/apps").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("BODY_MALFORMED"))
                .body(not(containsString("secret_value")))
                .body(not(containsString("Exception")));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void refusesA10MegabyteBodyWith413() {
        String huge = "{\"key\": \"apps_huge\", \"label\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        List<List<String>> before = Db.snapshot();

        given().contentType(ContentType.JSON).body(huge).post("/api/v1/design/apps").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("BODY_TOO_LARGE"));
        given().contentType(ContentType.JSON).body(huge).put("/api/v1/design/apps/apps_crm/forms/big/draft").then()
                .statusCode(413)
                .body("code", equalTo("BODY_TOO_LARGE"));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownAppWith404() {
        given().get("/api/v1/design/apps/nope").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("APP_NOT_FOUND"));
        Design.saveDraft("nope", "customer", "{\"schemaVersion\": 1}").statusCode(404).body("code", equalTo("APP_NOT_FOUND"));
        Design.publish("nope", "customer").statusCode(404).body("code", equalTo("APP_NOT_FOUND"));
    }
}
