package dev.brickwork.runtime.records;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bulk changes (docs/spec.md §4): one update, hand-over or delete applied record by record through the single-record
 * commands, so each is checked and refused on its own; a bad request changes nothing.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class BulkChangesTest {

    private static final String APP = "bulk_app";
    private static final String RECORDS = "/api/v1/apps/" + APP + "/forms/deal/records";
    private static String rep;
    private static String repId;
    private static String manager;
    private static String managerId;

    @BeforeEach
    void world() {
        RestAssured.requestSpecification = null;
        if (rep != null) {
            return;
        }
        RestAssured.requestSpecification = People.asAdmin();
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "deal", """
                {"schemaVersion": 1, "key": "deal", "titleField": "name",
                 "fields": [
                  {"key": "name", "type": "text", "required": true},
                  {"key": "batch", "type": "text"},
                  {"key": "stage", "type": "select", "options": [{"value": "open"}, {"value": "won"}]},
                  {"key": "amount", "type": "money", "min": 0},
                  {"key": "locked", "type": "text"}]}""");
        RestAssured.requestSpecification = null;
        People.asAdmin().body("""
                {"key": "bulk_rep", "permissions": [{"app": "bulk_app", "form": "deal",
                  "actions": {"read": "all", "create": "own", "update": "own"}, "fields": {"locked": "readonly"}}]}""")
                .put("/api/v1/admin/roles/bulk_rep").then().statusCode(200);
        People.asAdmin().body("""
                {"key": "bulk_manager", "permissions": [{"app": "bulk_app", "form": "deal",
                  "actions": {"read": "all", "create": "all", "update": "all", "delete": "all"}}]}""")
                .put("/api/v1/admin/roles/bulk_manager").then().statusCode(200);
        repId = People.createUser("bulk_rep1", "bulk-pass-1", "[\"bulk_rep\"]", null);
        managerId = People.createUser("bulk_mgr", "bulk-pass-1", "[\"bulk_manager\"]", null);
        rep = Login.token("bulk_rep1", "bulk-pass-1");
        manager = Login.token("bulk_mgr", "bulk-pass-1");
    }

    private static String create(String token, String name, String batch) {
        return People.as(token).body("{\"fields\": {\"name\": \"" + name + "\", \"batch\": \"" + batch + "\", \"stage\": \"open\"}}")
                .post(RECORDS).then().statusCode(201).extract().path("id");
    }

    private static JsonPath record(String id) {
        return People.as(manager).get(RECORDS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anUpdateAppliesWhereItMayAndReportsEachRefusal() {
        String mine = create(rep, "Mine", "u1");
        String alsoMine = create(rep, "Also mine", "u1");
        String theirs = create(manager, "Theirs", "u1");

        JsonPath result = People.as(rep).body("{\"action\": \"update\", \"ids\": [\"" + mine + "\", \"" + theirs + "\", \""
                + alsoMine + "\"], \"fields\": {\"stage\": \"won\"}}").post(RECORDS + "/bulk").then().statusCode(200)
                .extract().jsonPath();
        assertThat(result.getInt("matched")).isEqualTo(3);
        assertThat(result.getList("done")).containsExactly(mine, alsoMine);
        assertThat(result.getList("refused.id")).containsExactly(theirs);
        assertThat(result.getInt("refused[0].status")).isIn(403, 404);
        assertThat(record(mine).getString("fields.stage")).isEqualTo("won");
        assertThat(record(theirs).getString("fields.stage")).isEqualTo("open");
        assertThat(People.as(manager).get(RECORDS + "/" + mine + "/timeline").then().extract().jsonPath()
                .getList("items.action")).contains("update");

        // a value one record's rules refuse is that record's refusal, located by pointer
        JsonPath bad = People.as(manager).body("{\"action\": \"update\", \"ids\": [\"" + mine + "\"], \"fields\": {\"amount\": \"-54321.77\"}}")
                .post(RECORDS + "/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(bad.getList("done")).isEmpty();
        assertThat(bad.getString("refused[0].errors[0].pointer")).isEqualTo("/fields/amount");
        assertThat(bad.prettify()).doesNotContain("54321.77");
    }

    @Test
    void allMatchingRecordsAreHandedOverAndDeleted() {
        List<String> ids = List.of(create(manager, "H1", "h1"), create(manager, "H2", "h1"), create(manager, "H3", "h1"));
        create(manager, "Other batch", "h2");
        String matching = "\"matching\": {\"filter\": {\"field\": \"batch\", \"op\": \"eq\", \"value\": \"h1\"}}";

        JsonPath handed = People.as(manager).body("{\"action\": \"handOver\", " + matching + ", \"owner\": \"" + repId + "\"}")
                .post(RECORDS + "/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(handed.getList("done")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(handed.getList("refused")).isEmpty();
        ids.forEach(id -> assertThat(record(id).getString("owner")).isEqualTo(repId));

        // the rep may not delete: every record is refused, none is gone
        JsonPath refused = People.as(rep).body("{\"action\": \"delete\", " + matching + "}").post(RECORDS + "/bulk")
                .then().statusCode(200).extract().jsonPath();
        assertThat(refused.getList("done")).isEmpty();
        assertThat(refused.getList("refused.status")).containsOnly(403).hasSize(3);

        People.as(manager).body("{\"action\": \"delete\", " + matching + "}").post(RECORDS + "/bulk")
                .then().statusCode(200).body("done.size()", equalTo(3));
        People.as(manager).get(RECORDS + "/" + ids.get(0)).then().statusCode(404);
        assertThat(People.as(manager).queryParam("deleted", "true")
                .queryParam("filter", "{\"field\": \"batch\", \"op\": \"eq\", \"value\": \"h1\"}").get(RECORDS)
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(3);
    }

    @Test
    void aBadRequestIsLocatedAndChangesNothing() {
        String mine = create(rep, "Untouched", "b1");
        People.as(rep).body("{\"action\": \"update\", \"ids\": [\"" + mine + "\", \"nope\"], \"fields\": {\"locked\": \"x\","
                        + " \"missing\": 1, \"owner\": \"x\"}, \"colour\": 1}")
                .post(RECORDS + "/bulk").then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/ids/1", "/fields/locked", "/fields/missing", "/fields/owner", "/colour"));
        People.as(rep).body("{\"action\": \"paint\", \"ids\": [\"" + mine + "\"], \"matching\": {}}").post(RECORDS + "/bulk")
                .then().statusCode(422).body("errors.pointer", containsInAnyOrder("/action", ""));
        People.as(rep).body("{\"action\": \"handOver\", \"ids\": [\"" + mine + "\"], \"owner\": \"someone\"}").post(RECORDS + "/bulk")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/owner"));
        People.as(rep).body("{\"action\": \"delete\", \"matching\": {\"filter\": {\"field\": \"nope\", \"op\": \"eq\", \"value\": 1}}}")
                .post(RECORDS + "/bulk").then().statusCode(422).body("errors[0].pointer", equalTo("/filter/field"));
        People.as(rep).body("{\"action\": \"update\", \"ids\": [], \"fields\": {}}").post(RECORDS + "/bulk").then().statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/ids", "/fields"));
        assertThat(record(mine).getInt("version")).isEqualTo(1);
        assertThat(managerId).isNotNull();
    }
}
