package dev.brickwork.runtime.api;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls every operation of the OpenAPI document and holds each answer, success or problem, to the schema the
 * document gives for it (decision 0018): a resource that writes a property its documented class lacks, or a type
 * the class does not promise, fails here, and so does an endpoint added without being exercised here.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ApiShapesTest {

    private static final String APP = "api_shapes";
    private static final String FORM = """
            {"schemaVersion": 1, "key": "customer", "label": {"en": "Customer"}, "titleField": "name", "fields": [
              {"key": "name", "type": "text", "required": true}, {"key": "credit", "type": "money", "min": 0},
              {"key": "level", "type": "select", "options": [{"value": "key", "label": "Key"}, {"value": "normal", "label": "Normal"}]},
              {"key": "lines", "type": "subtable", "fields": [{"key": "product", "type": "text"}, {"key": "qty", "type": "number"}]}],
             "rules": [{"type": "duplicate", "key": "same_name", "fields": ["name"], "normalize": {"name": "text"}, "action": "warn"}]}""";
    private static final String FLOW = """
            {"schemaVersion": 1, "key": "vetting", "form": "customer", "trigger": {"on": "submit"},
             "nodes": [{"type": "approval", "key": "manager", "approvers": [{"managerOf": "owner"}], "mode": "any"},
                       {"type": "notify", "to": [{"field": "owner"}], "message": "Customer {name} approved"}],
             "onApproved": {"set": {"level": "key"}}}""";
    private static final String RECORDS = "/api/v1/apps/" + APP + "/forms/customer/records";

    private DocumentedAnswers answers;

    @Test
    void everyDocumentedOperationAnswersWhatTheDocumentSays() {
        answers = new DocumentedAnswers();
        design();
        String role = People.unique("shaper");
        call(admin(), "PUT", "/api/v1/admin/roles/" + role, "{\"key\": \"" + role + "\", \"permissions\": [{\"app\": \"" + APP
                + "\", \"form\": \"customer\", \"actions\": {\"create\": \"all\", \"read\": \"all\", \"update\": \"own\","
                + " \"delete\": \"own\"}, \"fields\": {\"credit\": \"readonly\"}}]}", 200);
        call(admin(), "GET", "/api/v1/admin/roles", null, 200);
        call(admin(), "GET", "/api/v1/admin/roles/" + role, null, 200);
        String managerName = People.unique("manager");
        String manager = user(managerName, role, null);
        String department = call(admin(), "POST", "/api/v1/admin/departments",
                "{\"name\": \"" + People.unique("Sales") + "\", \"parent\": null, \"manager\": \"" + manager + "\"}", 201).getString("id");
        call(admin(), "GET", "/api/v1/admin/departments", null, 200);
        call(admin(), "GET", "/api/v1/admin/departments/" + department, null, 200);
        call(admin(), "PATCH", "/api/v1/admin/departments/" + department, "{\"name\": \"" + People.unique("Sales") + "\"}", 200);
        String repName = People.unique("rep");
        String repId = user(repName, role, department);
        String deputyName = People.unique("deputy");
        String deputy = user(deputyName, role, department);
        call(admin(), "GET", "/api/v1/admin/users?limit=2", null, 200);
        call(admin(), "GET", "/api/v1/admin/users/" + repId, null, 200);
        call(admin(), "PATCH", "/api/v1/admin/users/" + repId, "{\"displayName\": \"Rep\"}", 200);
        call(admin(), "GET", "/api/v1/admin/users/" + repId + "/access?app=" + APP + "&form=customer", null, 200);
        String token = call(admin(), "POST", "/api/v1/admin/tokens", "{\"name\": \"erp\", \"roles\": [\"" + role + "\"],"
                + " \"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(30)) + "\"}", 201).getString("id");
        call(admin(), "GET", "/api/v1/admin/tokens", null, 200);
        call(admin(), "DELETE", "/api/v1/admin/tokens/" + token, null, 204);

        String rep = login(repName);
        call(as(rep), "GET", "/api/v1/me", null, 200);
        String subject = records(rep);
        approvals(rep, login(managerName), deputy);

        call(admin(), "GET", "/api/v1/admin/flow-effects", null, 200);
        call(admin(), "POST", "/api/v1/admin/flow-effects/999999999/retry", null, 404);
        call(admin(), "DELETE", "/api/v1/admin/flow-effects/999999999", null, 404);
        call(admin(), "GET", gdpr(subject, "export"), null, 200);
        call(admin(), "POST", gdpr(subject, "erase"), null, 200);
        call(admin(), "POST", "/api/v1/admin/encryption/rotate", null, 200);
        call(admin(), "GET", "/api/v1/admin/audit?limit=5", null, 200);
        call(admin(), "POST", "/api/v1/admin/samples", "{\"app\": \"" + APP + "\", \"generator\": \"crm-sample\"}", 422);
        call(admin(), "GET", "/api/v1/admin/samples/01a2a000-0000-7000-8000-000000000000", null, 404);
        call(given(), "GET", "/api/v1/me", null, 401);
        call(as(login(deputyName)), "POST", "/api/v1/auth/logout", null, 204);

        assertThat(answers.checked()).containsExactlyInAnyOrderElementsOf(answers.operations());
    }

    private void design() {
        call(admin(), "POST", "/api/v1/design/apps", "{\"key\": \"" + APP + "\", \"label\": {\"en\": \"Shapes\"}}", 201);
        call(admin(), "GET", "/api/v1/design/apps", null, 200);
        String design = "/api/v1/design/apps/" + APP;
        call(admin(), "PUT", design + "/forms/customer/draft", FORM.replace("\"min\": 0", "\"min\": \"x\""), 200);
        call(admin(), "POST", design + "/forms/customer/publish", null, 422);
        call(admin(), "PUT", design + "/forms/customer/draft", FORM, 200);
        call(admin(), "POST", design + "/forms/customer/check", FORM.replace("\"min\": 0", "\"min\": \"x\""), 200);
        call(admin(), "POST", design + "/forms/customer/preview", "{\"definition\": " + FORM + ", \"fields\": {\"name\": \"A\"}}", 200);
        call(admin(), "POST", design + "/forms/customer/preview", "{\"fields\": []}", 422);
        call(admin(), "GET", "/api/v1/design/expressions/functions", null, 200);
        call(admin(), "POST", design + "/forms/customer/publish?dryRun=true", null, 200);
        call(admin(), "POST", design + "/forms/customer/publish", null, 200);
        call(admin(), "GET", design + "/forms/customer", null, 200);
        call(admin(), "GET", design + "/forms/customer/versions/1", null, 200);
        call(admin(), "GET", design + "/forms/customer/set-aside", null, 200);
        call(admin(), "POST", design + "/forms/customer/set-aside/purge", "{\"all\": true}", 200);
        call(admin(), "POST", design + "/forms/customer/set-aside/purge", "{}", 422);
        call(admin(), "PUT", design + "/flows/vetting/draft", FLOW, 200);
        call(admin(), "POST", design + "/flows/vetting/publish", null, 200);
        call(admin(), "GET", design + "/flows/vetting", null, 200);
        call(admin(), "GET", design + "/flows/vetting/versions/1", null, 200);
        call(admin(), "GET", design + "/flows/vetting/versions/1/bpmn", null, 200);
        call(admin(), "POST", design + "/flows/vetting/simulate", "{\"fields\": {\"name\": \"Acme\"}}", 200);
        call(admin(), "POST", design + "/flows/vetting/simulate", "{\"fields\": {\"credit\": \"-1\"}}", 422);
        call(admin(), "GET", design, null, 200);
        call(admin(), "GET", design + "/package", null, 200);
        call(admin(), "POST", "/api/v1/design/packages", "{\"packageVersion\": 99}", 422);
    }

    /** Every records call, with the problems they answer; returns a record for the GDPR calls. */
    private String records(String rep) {
        String body = "{\"fields\": {\"name\": \"Acme\", \"lines\": [{\"product\": \"bolts\", \"qty\": 2}]}}";
        String key = People.unique("key");
        String id = call(as(rep).header("Idempotency-Key", key), "POST", RECORDS, body, 201).getString("id");
        call(as(rep).header("Idempotency-Key", key), "POST", RECORDS, body, 201);
        JsonPath warned = call(as(rep), "POST", RECORDS, body, 201);
        assertThat(warned.getList("meta.duplicates")).isNotEmpty();
        call(as(rep), "POST", RECORDS, "{\"fields\": {\"name\": \"\"}}", 422);
        call(as(rep), "GET", RECORDS + "?count=true&limit=1&sort=-createdAt", null, 200);
        call(as(rep), "POST", RECORDS + "/query", "{\"filter\": {\"field\": \"name\", \"op\": \"eq\", \"value\": \"Acme\"},"
                + " \"limit\": 1, \"count\": true}", 200);
        call(as(rep), "GET", RECORDS + "/" + id, null, 200);
        call(as(rep), "GET", RECORDS + "/01a2a000-0000-7000-8000-000000000000", null, 404);
        call(as(rep).header("If-Match", "\"1\""), "PATCH", RECORDS + "/" + id, "{\"fields\": {\"level\": \"normal\"}}", 200);
        call(as(rep).header("If-Match", "\"1\""), "PATCH", RECORDS + "/" + id, "{\"fields\": {\"level\": \"key\"}}", 412);
        call(as(rep), "POST", RECORDS + "/duplicates", "{\"fields\": {\"name\": \"ACME\"}}", 200);
        call(as(rep), "POST", RECORDS + "/preview", body, 200);
        call(as(rep), "POST", RECORDS + "/" + id + "/preview", "{\"fields\": {\"level\": \"key\"}}", 200);
        call(as(rep), "GET", "/api/v1/apps", null, 200);
        call(as(rep), "GET", "/api/v1/apps/" + APP + "/forms/customer", null, 200);
        call(as(rep), "GET", RECORDS + "/" + id + "/timeline", null, 200);
        String binned = warned.getString("id");
        call(as(rep), "DELETE", RECORDS + "/" + binned, null, 204);
        call(as(rep), "GET", RECORDS + "?deleted=true", null, 200);
        call(as(rep), "POST", RECORDS + "/" + binned + "/restore", null, 200);
        call(as(rep), "POST", RECORDS + "/groups", "{\"groupBy\": \"level\", \"sum\": [\"credit\"]}", 200);
        call(as(rep), "POST", RECORDS + "/bulk", "{\"action\": \"update\", \"ids\": [\"" + binned + "\"],"
                + " \"fields\": {\"level\": \"normal\"}}", 200);
        views(rep);
        return id;
    }

    /** Saved views: list, create, read, replace, delete. */
    private void views(String rep) {
        String views = "/api/v1/apps/" + APP + "/forms/customer/views";
        String view = call(as(rep), "POST", views, "{\"name\": \"Key accounts\", \"columns\": [\"name\", \"credit\"],"
                + " \"filter\": {\"field\": \"level\", \"op\": \"eq\", \"value\": \"key\"}, \"sort\": \"-createdAt\"}", 201)
                .getString("id");
        call(as(rep), "GET", views, null, 200);
        call(as(rep), "GET", views + "/" + view, null, 200);
        call(as(rep).header("If-Match", "\"1\""), "PUT", views + "/" + view, "{\"name\": \"Key accounts\", \"type\": \"kanban\","
                + " \"groupBy\": \"level\"}", 200);
        call(as(rep), "DELETE", views + "/" + view, null, 204);
    }

    /** Submit, decide (approve, reject), transfer and withdraw; the owner's notifications. */
    private void approvals(String rep, String manager, String deputy) {
        String approved = submitted(rep);
        call(as(manager), "POST", "/api/v1/tasks/" + task(manager, approved) + "/approve", "{\"comment\": \"fine\"}", 200);
        String rejected = submitted(rep);
        call(as(manager), "POST", "/api/v1/tasks/" + task(manager, rejected) + "/reject", null, 200);
        String moved = submitted(rep);
        call(as(manager), "POST", "/api/v1/tasks/" + task(manager, moved) + "/transfer", "{\"to\": \"" + deputy + "\"}", 200);
        call(as(rep), "POST", RECORDS + "/" + moved + "/withdraw", null, 200);
        call(as(manager), "GET", "/api/v1/tasks?view=done", null, 200);
        call(as(rep), "GET", "/api/v1/directory/users?q=a&limit=5", null, 200);
        call(as(rep), "GET", "/api/v1/directory/departments", null, 200);
        call(as(rep), "GET", RECORDS + "/" + approved + "/approval", null, 200);
        call(as(manager), "GET", RECORDS + "/" + moved + "/approval", null, 200);
        call(as(rep), "GET", "/api/v1/tasks?view=started&limit=5", null, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !as(rep).get("/api/v1/notifications")
                .then().extract().jsonPath().getList("items").isEmpty());
        String notification = call(as(rep), "GET", "/api/v1/notifications?limit=5", null, 200).getString("items[0].id");
        call(as(rep), "POST", "/api/v1/notifications/" + notification + "/read", null, 204);
        call(as(rep), "POST", "/api/v1/notifications/read-all", null, 204);
    }

    private String submitted(String rep) {
        String id = as(rep).body("{\"fields\": {\"name\": \"" + People.unique("Initech") + "\"}}").post(RECORDS)
                .then().statusCode(201).extract().path("id");
        call(as(rep), "POST", RECORDS + "/" + id + "/submit", null, 200);
        return id;
    }

    /** The manager's task for a record, once the engine has opened it. */
    private String task(String manager, String record) {
        await().atMost(Duration.ofSeconds(30)).until(() -> as(manager).get("/api/v1/tasks?assignee=me").then().extract()
                .jsonPath().getList("items.record.id").contains(record));
        List<String> ids = call(as(manager), "GET", "/api/v1/tasks?assignee=me", null, 200)
                .getList("items.findAll { it.record.id == '" + record + "' }.id");
        return ids.get(0);
    }

    private JsonPath call(RequestSpecification caller, String method, String path, String body, int status) {
        Response answer = (body == null ? caller : caller.contentType(ContentType.JSON).body(body)).request(method, path);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.asString()).isEqualTo(status);
        assertThat(answers.violations(method, path, answer)).as(method + " " + path).isEmpty();
        return answer.contentType().contains("json") ? answer.jsonPath() : null;
    }

    private String user(String username, String role, String department) {
        String body = "{\"username\": \"" + username + "\", \"password\": \"shape-pass-1\", \"displayName\": \"T\", \"roles\": [\""
                + role + "\"], \"department\": " + (department == null ? "null" : "\"" + department + "\"") + "}";
        return call(admin(), "POST", "/api/v1/admin/users", body, 201).getString("id");
    }

    private String login(String username) {
        return call(given(), "POST", "/api/v1/auth/login", "{\"username\": \"" + username + "\", \"password\": \"shape-pass-1\"}",
                200).getString("token");
    }

    private static String gdpr(String id, String action) {
        return "/api/v1/admin/gdpr/apps/" + APP + "/forms/customer/records/" + id + "/" + action;
    }

    private static RequestSpecification admin() {
        return People.asAdmin();
    }

    private static RequestSpecification as(String token) {
        return People.as(token);
    }
}
