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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

/** Kanban heads (docs/spec.md §4): counts and sums per select value over exactly what the caller's list would give. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class RecordGroupsTest {

    private static final String APP = "groups_app";
    private static final String GROUPS = "/api/v1/apps/" + APP + "/forms/deal/records/groups";
    private static String rep;

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
                  {"key": "name", "type": "text"},
                  {"key": "stage", "type": "select", "options": [{"value": "open"}, {"value": "won"}, {"value": "lost"}]},
                  {"key": "amount", "type": "money"},
                  {"key": "cost", "type": "money"}]}""");
        RestAssured.requestSpecification = null;
        People.asAdmin().body("""
                {"key": "groups_rep", "permissions": [{"app": "groups_app", "form": "deal",
                  "actions": {"read": "own", "create": "own"}, "fields": {"cost": "hidden"}}]}""")
                .put("/api/v1/admin/roles/groups_rep").then().statusCode(200);
        People.createUser("groups_rep1", "groups-pass-1", "[\"groups_rep\"]", null);
        rep = Login.token("groups_rep1", "groups-pass-1");
        deal(rep, "Acme A", "open", "100.50");
        deal(rep, "Acme B", "open", "200.00");
        deal(rep, "Beta", "won", "1000.00");
        deal(rep, "No stage", null, "5.00");
        deal(null, "Admin's", "won", "9999.00");
    }

    private static void deal(String token, String name, String stage, String amount) {
        String body = "{\"fields\": {\"name\": \"" + name + "\", \"stage\": " + (stage == null ? "null" : "\"" + stage + "\"")
                + ", \"amount\": \"" + amount + "\"}}";
        (token == null ? People.asAdmin() : People.as(token)).body(body)
                .post("/api/v1/apps/" + APP + "/forms/deal/records").then().statusCode(201);
    }

    @Test
    void eachValueIsCountedAndSummedWithinTheCallersScope() {
        JsonPath heads = People.as(rep).body("{\"groupBy\": \"stage\", \"sum\": [\"amount\"]}").post(GROUPS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(heads.getInt("groups.find { it.value == 'open' }.count")).isEqualTo(2);
        assertThat(heads.getString("groups.find { it.value == 'open' }.sums.amount")).isEqualTo("300.50");
        // the admin's won deal is outside the rep's read scope
        assertThat(heads.getString("groups.find { it.value == 'won' }.sums.amount")).isEqualTo("1000.00");
        assertThat(heads.getInt("groups.find { it.value == null }.count")).isEqualTo(1);
        assertThat(heads.getList("groups.value")).doesNotContain("lost");

        JsonPath searched = People.as(rep).body("{\"groupBy\": \"stage\", \"q\": \"acme\","
                + " \"filter\": {\"field\": \"amount\", \"op\": \"gt\", \"value\": \"150\"}}").post(GROUPS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(searched.getList("groups.value")).containsExactly("open");
        assertThat(searched.getInt("groups[0].count")).isEqualTo(1);
    }

    @Test
    void onlyASelectIsGroupedAndOnlyVisibleNumbersAreSummed() {
        People.as(rep).body("{\"groupBy\": \"name\", \"sum\": [\"cost\", \"name\"], \"colour\": 1}").post(GROUPS)
                .then().statusCode(422).body("errors.pointer", containsInAnyOrder("/colour"));
        People.as(rep).body("{\"groupBy\": \"name\", \"sum\": [\"cost\", \"name\"]}").post(GROUPS)
                .then().statusCode(422).body("errors.pointer", containsInAnyOrder("/groupBy", "/sum/0", "/sum/1"));
        People.as(rep).body("{\"groupBy\": \"stage\", \"filter\": {\"field\": \"cost\", \"op\": \"gt\", \"value\": 1}}").post(GROUPS)
                .then().statusCode(422).body("errors.pointer", containsInAnyOrder("/filter/field"));
        People.as(People.staffToken()).body("{\"groupBy\": \"stage\"}").post(GROUPS).then().statusCode(403);
    }
}
