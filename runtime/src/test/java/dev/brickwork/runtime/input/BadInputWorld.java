package dev.brickwork.runtime.input;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The app, form and record the bad-input tests send their requests at, and what "nothing written" means. */
final class BadInputWorld {

    static final String APP = "bad_input";
    static final String RECORDS = "/api/v1/apps/" + APP + "/forms/thing/records";

    static final String THING = """
            {"schemaVersion": 1, "key": "thing", "label": {"en": "Thing"}, "titleField": "name",
             "fields": [
               {"key": "name", "type": "text", "maxLength": 200},
               {"key": "amount", "type": "money"},
               {"key": "qty", "type": "number", "integer": true},
               {"key": "rate", "type": "number", "scale": 2},
               {"key": "share", "type": "percent", "scale": 1},
               {"key": "plain", "type": "number"},
               {"key": "due", "type": "date"},
               {"key": "at", "type": "datetime"},
               {"key": "total", "type": "formula", "expression": "amount * 2"},
               {"key": "later", "type": "formula", "expression": "due + plain"}
             ]}
            """;

    private static String record;

    private BadInputWorld() {
    }

    /** Publishes the app once per test run and returns the id of a record to change. */
    static synchronized String record() {
        if (record == null) {
            RestAssured.requestSpecification = People.asAdmin();
            try {
                Design.createApp(APP).statusCode(201);
                Design.publishDefinition(APP, "thing", THING);
                record = admin().body("{\"fields\": {\"name\": \"first\"}}").post(RECORDS).then().statusCode(201)
                        .extract().path("id");
            } finally {
                RestAssured.requestSpecification = null;
            }
        }
        return record;
    }

    static RequestSpecification admin() {
        return People.asAdmin();
    }

    static RequestSpecification anonymous() {
        return given().contentType(io.restassured.http.ContentType.JSON);
    }

    /** Rows in every table a request could write to: unchanged means nothing was written. */
    static long footprint() {
        return Db.count("SELECT (SELECT count(*) FROM brickwork.apps) + (SELECT count(*) FROM brickwork.forms)"
                + " + (SELECT count(*) FROM brickwork.flows) + (SELECT count(*) FROM brickwork.departments)"
                + " + (SELECT count(*) FROM brickwork.users) + (SELECT count(*) FROM brickwork.api_tokens)"
                + " + (SELECT count(*) FROM brickwork.roles) + (SELECT count(*) FROM brickwork.audit_log)"
                + " + (SELECT count(*) FROM brickwork.record_changes) + (SELECT count(*) FROM brickwork.idempotency_keys)"
                + " + (SELECT count(*) FROM app_" + APP + ".thing)"
                + " + (SELECT count(*) FROM app_" + APP + ".thing WHERE version > 1)");
    }
}
