package dev.brickwork.runtime.gdpr;

import dev.brickwork.testing.Design;

import static io.restassured.RestAssured.given;

/** A small CRM for the GDPR tests: contacts, and deals that point at them directly and through a subtable. */
final class GdprApp {

    static final String CONTACT = """
            {"schemaVersion": 1, "key": "contact", "fields": [
              {"key": "name", "type": "text", "required": true},
              {"key": "email", "type": "email"},
              {"key": "phone", "type": "phone"},
              {"key": "id_number", "type": "text", "sensitive": true},
              {"key": "notes", "type": "textarea"},
              {"key": "born_on", "type": "date"},
              {"key": "score", "type": "number", "integer": true},
              {"key": "addresses", "type": "subtable", "fields": [
                {"key": "street", "type": "text"}, {"key": "kind", "type": "select", "options": [
                  {"value": "home", "label": "Home"}, {"value": "work", "label": "Work"}]}]}]}""";

    static final String DEAL = """
            {"schemaVersion": 1, "key": "deal", "fields": [
              {"key": "title", "type": "text", "required": true},
              {"key": "contact", "type": "reference", "target": "contact"},
              {"key": "participants", "type": "subtable", "fields": [
                {"key": "person", "type": "reference", "target": "contact"},
                {"key": "role", "type": "text"}]}]}""";

    private GdprApp() {
    }

    /** Creates the app and publishes both forms; RestAssured must already carry an admin's token. */
    static void publish(String app) {
        Design.createApp(app).statusCode(201);
        Design.publishDefinition(app, "contact", CONTACT);
        Design.publishDefinition(app, "deal", DEAL);
    }

    static String create(String app, String form, String fieldsJson) {
        return given().body("{\"fields\": " + fieldsJson + "}").post(records(app, form)).then().statusCode(201)
                .extract().path("id");
    }

    static String records(String app, String form) {
        return "/api/v1/apps/" + app + "/forms/" + form + "/records";
    }

    static String gdpr(String app, String form, String id, String action) {
        return "/api/v1/admin/gdpr/apps/" + app + "/forms/" + form + "/records/" + id + "/" + action;
    }
}
