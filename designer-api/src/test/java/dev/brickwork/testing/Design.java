package dev.brickwork.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;

/** The design API as tests call it. */
public final class Design {

    private Design() {
    }

    public static ValidatableResponse createApp(String key) {
        return given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"label\": {\"en\": \"Test\", \"zh-CN\": \"测试\"}}")
                .post("/api/v1/design/apps").then();
    }

    public static ValidatableResponse saveDraft(String app, String form, String definition) {
        return given().contentType(ContentType.JSON).body(definition)
                .put("/api/v1/design/apps/{app}/forms/{form}/draft", app, form).then();
    }

    public static ValidatableResponse publish(String app, String form) {
        return given().post("/api/v1/design/apps/{app}/forms/{form}/publish", app, form).then();
    }

    public static ValidatableResponse dryRun(String app, String form) {
        return given().queryParam("dryRun", true).post("/api/v1/design/apps/{app}/forms/{form}/publish", app, form).then();
    }

    /** Saves a draft and publishes it, expecting both to succeed. */
    public static void publishDefinition(String app, String form, String definition) {
        saveDraft(app, form, definition).statusCode(200);
        publish(app, form).statusCode(200);
    }
}
