package dev.brickwork.runtime.crypto;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Sensitive values never rest in clear: after each stage of a record's life (create, idempotent replay, update,
 * approval with an outcome and a notification naming fields, key rotation, GDPR erase) a dump of every table of the
 * database, the engine's included, holds none of them, and neither does the server's log; a reader who may see the
 * fields still sees their history, one who may not sees none of it.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class SecretsAtRestTest {

    private static final String APP = "secrets_at_rest";
    private static final String RECORDS = "/api/v1/apps/" + APP + "/forms/payroll/records";

    private static final String FORM = """
            {"schemaVersion": 1, "key": "payroll", "fields": [
              {"key": "name", "type": "text", "required": true},
              {"key": "stage", "type": "select", "default": "draft", "options": [
                {"value": "draft", "label": {"en": "Draft"}}, {"value": "approved", "label": {"en": "Approved"}}]},
              {"key": "account", "type": "text", "sensitive": true},
              {"key": "salary", "type": "money", "sensitive": true},
              {"key": "born", "type": "date", "sensitive": true},
              {"key": "badge", "type": "number", "integer": true, "sensitive": true},
              {"key": "cards", "type": "subtable", "fields": [
                {"key": "label", "type": "text"},
                {"key": "pan", "type": "text", "sensitive": true}]}]}""";

    private static final String FLOW = """
            {"schemaVersion": 1, "key": "payroll_approval", "form": "payroll", "trigger": {"on": "submit"},
             "nodes": [
               {"type": "approval", "key": "check", "approvers": [{"role": "%s"}], "mode": "any"},
               {"type": "notify", "to": [{"field": "owner"}],
                "message": "Payroll {name} approved: account {account}, salary {salary}"}],
             "onApproved": {"set": {"stage": "approved"}}, "onRejected": {"set": {"stage": "draft"}}}""";

    /** Every sensitive value the record ever holds; none may be found at rest in clear. */
    private static final List<String> SECRETS = List.of("ACCT-7781-FIRST", "ACCT-9902-LATER", "987654.32", "555111.09",
            "1979-04-13", "73193117", "4111-2222-3333-4444", "5500-6600-7700-8800");

    private static final String CREATE = """
            {"fields": {"name": "Zhao Payroll", "account": "ACCT-7781-FIRST", "salary": "987654.32", "born": "1979-04-13",
              "badge": 73193117, "cards": [{"label": "main", "pan": "4111-2222-3333-4444"}]}}""";

    @Test
    void noSensitiveValueRestsInClearThroughARecordsWholeLife() {
        CapturedLog log = CapturedLog.start();
        try {
            // given: an owner who sees everything, an approver, and a reader from whom the sensitive fields are hidden
            RestAssured.requestSpecification = People.asAdmin();
            Design.createApp(APP).statusCode(201);
            Design.publishDefinition(APP, "payroll", FORM);
            RestAssured.requestSpecification = null;
            String clerkRole = role("clerk", "{\"create\": \"all\", \"read\": \"all\", \"update\": \"all\"}", "{}");
            String checkerRole = role("checker", "{\"read\": \"all\"}", "{}");
            String peekRole = role("peek", "{\"read\": \"all\"}", "{\"account\": \"hidden\", \"salary\": \"hidden\","
                    + " \"born\": \"hidden\", \"badge\": \"hidden\", \"cards\": \"hidden\"}");
            String clerk = user("clerk", clerkRole);
            String checker = user("checker", checkerRole);
            String peek = user("peek", peekRole);
            publishFlow(String.format(FLOW, checkerRole));

            // when: created with an Idempotency-Key, and the same create replayed
            String id = People.as(clerk).header("Idempotency-Key", "payroll-1").body(CREATE).post(RECORDS).then()
                    .statusCode(201).body("fields.account", equalTo("ACCT-7781-FIRST")).extract().path("id");
            assertNothingInClear("create", log);
            People.as(clerk).header("Idempotency-Key", "payroll-1").body(CREATE).post(RECORDS).then()
                    .body("id", equalTo(id)).body("fields.salary", equalTo("987654.32"));
            assertNothingInClear("idempotent replay", log);

            // and updated
            People.as(clerk).body("""
                    {"fields": {"account": "ACCT-9902-LATER", "salary": "555111.09",
                      "cards": [{"label": "main", "pan": "5500-6600-7700-8800"}]}}""").patch(RECORDS + "/" + id)
                    .then().statusCode(200);
            assertNothingInClear("update", log);

            // and approved: an outcome that sets a field, and a notification whose message names sensitive fields
            People.as(clerk).post(RECORDS + "/" + id + "/submit").then().statusCode(200);
            String task = taskOn(checker, id);
            People.as(checker).body("{\"comment\": \"ok\"}").post("/api/v1/tasks/" + task + "/approve").then()
                    .statusCode(200).body("record.approval", equalTo("approved"));
            People.as(clerk).get(RECORDS + "/" + id).then().body("fields.stage", equalTo("approved"));
            People.as(clerk).get("/api/v1/notifications").then().statusCode(200)
                    .body("items.message", hasItem("Payroll Zhao Payroll approved: account {account}, salary {salary}"));
            assertNothingInClear("approval", log);

            // then: the owner sees the sensitive fields' history, the reader without them sees none of it
            String history = People.as(clerk).get(RECORDS + "/" + id + "/timeline").then().statusCode(200)
                    .body("items.find { it.action == 'update' }.changes.account.from", equalTo("ACCT-7781-FIRST"))
                    .body("items.find { it.action == 'update' }.changes.account.to", equalTo("ACCT-9902-LATER"))
                    .body("items.find { it.action == 'update' }.changes.salary.from", equalTo("987654.32"))
                    .body("items.find { it.action == 'create' }.changes.badge.to", equalTo(73193117))
                    .body("items.find { it.action == 'create' }.changes.born.to", equalTo("1979-04-13"))
                    .body("items.find { it.action == 'update' }.changes.cards.to[0].pan", equalTo("5500-6600-7700-8800"))
                    .extract().asString();
            assertThat(history).doesNotContain("$sealed");
            String hidden = People.as(peek).get(RECORDS + "/" + id + "/timeline").then().statusCode(200)
                    .body("items.find { it.action == 'update' }.changes.account", equalTo(null))
                    .body("items.find { it.action == 'create' }.changes.name.to", equalTo("Zhao Payroll"))
                    .extract().asString();
            assertThat(SECRETS).noneMatch(hidden::contains);
            assertThat(hidden).doesNotContain("$sealed");
            // the audit log masks them, subtable cells included
            assertThat(Db.single("SELECT detail::text FROM brickwork.audit_log WHERE record_id = ?::uuid"
                    + " AND action = 'record.updated'", java.util.UUID.fromString(id))).contains("***");

            // when: a value sealed under the previous key is rotated
            FieldCipher previous = new FieldCipher(FieldCipher.decodeKey(TestDatabase.previousEncryptionKey()), List.of());
            String sealedBefore = Base64.getEncoder().encodeToString(previous.encrypt("\"ACCT-7781-FIRST\""));
            Db.execute("UPDATE brickwork.record_changes SET diff = jsonb_set(diff, '{account,from}', jsonb_build_object('$sealed', ?::text))"
                    + " WHERE record_id = ?::uuid AND action = 'update'", sealedBefore, java.util.UUID.fromString(id));
            People.asAdmin().post("/api/v1/admin/encryption/rotate").then().statusCode(200);
            String sealedAfter = Db.single("SELECT diff #>> '{account,from,$sealed}' FROM brickwork.record_changes"
                    + " WHERE record_id = ?::uuid AND action = 'update'", java.util.UUID.fromString(id));
            assertThatThrownBy(() -> previous.decrypt(Base64.getDecoder().decode(sealedAfter)))
                    .as("re-sealed under the current key").isInstanceOf(IllegalStateException.class);
            People.as(clerk).get(RECORDS + "/" + id + "/timeline").then()
                    .body("items.find { it.action == 'update' }.changes.account.from", equalTo("ACCT-7781-FIRST"));
            assertNothingInClear("rotation", log);

            // when: erased for GDPR
            People.asAdmin().post("/api/v1/admin/gdpr/apps/" + APP + "/forms/payroll/records/" + id + "/erase").then()
                    .statusCode(200);
            assertNothingInClear("erase", log);
            People.as(clerk).get(RECORDS + "/" + id + "/timeline").then()
                    .body("items.find { it.action == 'update' }.changes.account.from", equalTo("[erased]"));
            // and the values earlier audit entries held are redacted as well
            assertThat(Db.rows("SELECT detail::text FROM brickwork.audit_log WHERE record_id = ?::uuid",
                    java.util.UUID.fromString(id))).isNotEmpty().noneMatch(row -> row.get(0).contains("Zhao Payroll"));
        } finally {
            log.close();
        }
    }

    private static void assertNothingInClear(String stage, CapturedLog log) {
        assertThat(DatabaseDump.rowsHolding(SECRETS)).as("rows holding a sensitive value in clear after " + stage).isEmpty();
        assertThat(log.linesHolding(SECRETS)).as("log lines holding a sensitive value after " + stage).isEmpty();
    }

    private static String role(String name, String actions, String fields) {
        String key = People.unique(name);
        People.asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"" + APP + "\", \"form\": \"payroll\","
                + " \"actions\": " + actions + ", \"fields\": " + fields + "}]}").put("/api/v1/admin/roles/" + key)
                .then().statusCode(200);
        return key;
    }

    private static String user(String name, String role) {
        String username = People.unique(name);
        People.createUser(username, "password-" + name, "[\"" + role + "\"]", null);
        return Login.token(username, "password-" + name);
    }

    private static void publishFlow(String flow) {
        People.asAdmin().body(flow).put("/api/v1/design/apps/" + APP + "/flows/payroll_approval/draft").then().statusCode(200);
        People.asAdmin().post("/api/v1/design/apps/" + APP + "/flows/payroll_approval/publish").then().statusCode(200);
    }

    private static String taskOn(String token, String record) {
        List<Map<String, Object>> tasks = People.as(token).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + record + "' }");
        assertThat(tasks).hasSize(1);
        return (String) tasks.get(0).get("id");
    }
}
