package dev.brickwork.runtime.crm;

import dev.brickwork.runtime.admin.People;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The starter app's records and approvals, used through the API as the people of the company use them. */
final class CrmDesk {

    static final String RECORDS = "/api/v1/apps/crm/forms/%s/records";
    private static final Duration FLOW = Duration.ofSeconds(30);

    private CrmDesk() {
    }

    /** Creates a record as {@code token}; 201 and its id. */
    static String create(String token, String form, String fields) {
        return People.as(token).body("{\"fields\": " + fields + "}").post(RECORDS.formatted(form)).then()
                .statusCode(201).extract().path("id");
    }

    static ValidatableResponse patch(String token, String form, String id, String fields) {
        return People.as(token).body("{\"fields\": " + fields + "}").patch(RECORDS.formatted(form) + "/" + id).then();
    }

    static ValidatableResponse submit(String token, String form, String id) {
        return People.as(token).post(RECORDS.formatted(form) + "/" + id + "/submit").then();
    }

    /** The record as the admin reads it back. */
    static JsonPath read(String form, String id) {
        return People.asAdmin().get(RECORDS.formatted(form) + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A numeric field read back (money and decimals travel as strings); null when empty. */
    static BigDecimal number(String form, String id, String field) {
        String value = read(form, id).getString("fields." + field);
        return value == null ? null : new BigDecimal(value);
    }

    static String text(String form, String id, String field) {
        return read(form, id).getString("fields." + field);
    }

    /** Waits until the flow has set {@code field} (flow effects are applied after the step commits). */
    static void awaitField(String form, String id, String field, String value) {
        await().atMost(FLOW).until(() -> value.equals(text(form, id, field)));
    }

    /** Waits for the caller's one open task on the record and answers its id. */
    static String taskOn(String token, String record) {
        return await().atMost(FLOW).until(() -> tasksOn(token, record), ids -> ids.size() == 1).get(0);
    }

    static List<String> tasksOn(String token, String record) {
        return People.as(token).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + record + "' }.id");
    }

    /** The step of the caller's task (its node key in the flow). */
    static String stepOf(String token, String task) {
        return People.as(token).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.find { it.id == '" + task + "' }.step");
    }

    static ValidatableResponse approve(String token, String task) {
        return People.as(token).body("{\"comment\": \"ok\"}").post("/api/v1/tasks/" + task + "/approve").then();
    }
}
