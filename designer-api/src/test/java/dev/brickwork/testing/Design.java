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

    public static ValidatableResponse saveFlow(String app, String flow, String definition) {
        return given().contentType(ContentType.JSON).body(definition)
                .put("/api/v1/design/apps/{app}/flows/{flow}/draft", app, flow).then();
    }

    /** Uploads a BPMN draft bound to {@code form}, started on {@code on}. */
    public static ValidatableResponse uploadFlow(String app, String flow, String form, String on, byte[] bpmn) {
        io.restassured.specification.RequestSpecification request = given().contentType("application/xml").body(bpmn);
        if (form != null) {
            request.queryParam("form", form);
        }
        if (on != null) {
            request.queryParam("on", on);
        }
        return request.put("/api/v1/design/apps/{app}/flows/{flow}/draft", app, flow).then();
    }

    public static ValidatableResponse publishFlow(String app, String flow) {
        return given().post("/api/v1/design/apps/{app}/flows/{flow}/publish", app, flow).then();
    }

    public static ValidatableResponse dryRunFlow(String app, String flow) {
        return given().queryParam("dryRun", true).post("/api/v1/design/apps/{app}/flows/{flow}/publish", app, flow).then();
    }

    /** An app with the contract form of {@code forms/contract.v1.json} (and the customer form it points at) published. */
    public static void appWithContracts(String app) {
        createApp(app).statusCode(201);
        publishDefinition(app, "customer", Fixtures.form("customer.v1"));
        publishDefinition(app, "contract", Fixtures.form("contract.v1"));
    }

    /** Saves a draft and publishes it, expecting both to succeed. */
    public static void publishDefinition(String app, String form, String definition) {
        saveDraft(app, form, definition).statusCode(200);
        publish(app, form).statusCode(200);
    }
}
