package dev.brickwork.runtime.access;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The permission matrix: users of several departments and roles try every action on records inside and outside
 * their scope, through gets, lists, filters, sorts, search, cursors, timelines and duplicate checks. Nothing leaks;
 * each denial has its status.
 *
 * <p>Departments: Sales ⊃ Sales East; Finance. Users: rep1, rep2 (Sales East, role sales_rep), boss (Sales,
 * sales_manager), clerk (Finance, finance_clerk).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class PermissionMatrixTest {

    private static final String APP = "perm";
    private static final String RECORDS = "/api/v1/apps/perm/forms/customer/records";
    private static Map<String, String> tokens;
    private static Map<String, String> records;

    @BeforeEach
    void world() {
        RestAssured.requestSpecification = null;
        if (tokens != null) {
            return;
        }
        RestAssured.requestSpecification = People.asAdmin();
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "customer", """
                {"schemaVersion": 1, "key": "customer", "fields": [
                  {"key": "name", "type": "text", "required": true},
                  {"key": "credit_limit", "type": "money"},
                  {"key": "id_number", "type": "text", "sensitive": true}],
                 "rules": [{"type": "duplicate", "key": "same_name", "fields": ["name"], "normalize": {"name": "company"},
                            "action": "block"}]}""");
        RestAssured.requestSpecification = null;
        role("sales_rep", "{\"create\": \"own\", \"read\": \"own\", \"update\": \"own\", \"delete\": \"none\"}",
                "{\"credit_limit\": \"readonly\", \"id_number\": \"hidden\"}");
        role("sales_manager", "{\"create\": \"all\", \"read\": \"subtree\", \"update\": \"subtree\", \"delete\": \"department\"}",
                "{\"id_number\": \"hidden\"}");
        role("finance_clerk", "{\"read\": \"all\"}", "{}");
        String sales = People.createDepartment(People.unique("sales"), null);
        String east = People.createDepartment(People.unique("east"), sales);
        String finance = People.createDepartment(People.unique("finance"), null);
        tokens = Map.of(
                "rep1", user("rep1", "sales_rep", east),
                "rep2", user("rep2", "sales_rep", east),
                "boss", user("boss", "sales_manager", sales),
                "clerk", user("clerk", "finance_clerk", finance));
        records = Map.of(
                "rep1", create("rep1", "{\"name\": \"Rep One Trading\"}"),
                "rep2", create("rep2", "{\"name\": \"Rep Two Trading\"}"),
                "boss", create("boss", "{\"name\": \"Boss Holdings\"}"),
                "admin", People.asAdmin().body("{\"fields\": {\"name\": \"Admin Works\", \"credit_limit\": \"5\", \"id_number\": \"ID-A\"}}")
                        .post(RECORDS).then().statusCode(201).extract().path("id"));
        People.asAdmin().body("{\"fields\": {\"id_number\": \"ID-1\"}}").patch(RECORDS + "/" + records.get("rep1"))
                .then().statusCode(200);
    }

    @Test
    void listsShowExactlyTheRecordsInScope() {
        assertThat(names("rep1", null)).containsExactlyInAnyOrder("Rep One Trading");
        assertThat(names("boss", null)).containsExactlyInAnyOrder("Rep One Trading", "Rep Two Trading", "Boss Holdings");
        assertThat(names("clerk", null)).containsExactlyInAnyOrder("Rep One Trading", "Rep Two Trading", "Boss Holdings",
                "Admin Works");
        as("rep1").queryParam("count", true).get(RECORDS).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void filtersSortsSearchAndCursorsCannotReachOtherRecords() {
        assertThat(names("rep1", Map.of("q", "Rep Two"))).isEmpty();
        assertThat(names("rep1", Map.of("filter", "{\"field\": \"name\", \"op\": \"startsWith\", \"value\": \"Boss\"}"))).isEmpty();
        assertThat(names("rep1", Map.of("filter", "{\"field\": \"owner\", \"op\": \"ne\", \"value\": \"00000000-0000-7000-8000-000000000000\"}")))
                .containsExactly("Rep One Trading");
        String cursor = as("clerk").queryParam("limit", 1).get(RECORDS).then().statusCode(200).extract().path("nextCursor");
        // another caller's cursor only positions the page: the scope still decides what is on it
        List<String> paged = as("rep1").queryParam("limit", 500).queryParam("cursor", cursor).get(RECORDS).then().statusCode(200)
                .extract().path("items.fields.name");
        assertThat(paged).isSubsetOf("Rep One Trading");
    }

    @Test
    void aRecordOutsideTheReadScopeIs404ForEveryAction() {
        String theirs = records.get("rep2");
        as("rep1").get(RECORDS + "/" + theirs).then().statusCode(404);
        as("rep1").get(RECORDS + "/" + theirs + "/timeline").then().statusCode(404);
        as("rep1").body("{\"fields\": {\"name\": \"Hijacked\"}}").patch(RECORDS + "/" + theirs).then().statusCode(404);
        as("rep1").delete(RECORDS + "/" + theirs).then().statusCode(404);
        assertThat(Db.single("SELECT name FROM app_perm.customer WHERE id = ?::uuid", theirs)).isEqualTo("Rep Two Trading");
    }

    @Test
    void actionsTheRolesDoNotGrantAre403() {
        as("clerk").body("{\"fields\": {\"name\": \"Clerk Co\"}}").post(RECORDS).then().statusCode(403);
        as("clerk").body("{\"fields\": {\"name\": \"Changed\"}}").patch(RECORDS + "/" + records.get("rep1")).then().statusCode(403);
        as("rep1").delete(RECORDS + "/" + records.get("rep1")).then().statusCode(403);
        as("boss").delete(RECORDS + "/" + records.get("rep1")).then().statusCode(403);
        as("boss").body("{\"fields\": {\"credit_limit\": \"100\"}}").patch(RECORDS + "/" + records.get("rep2")).then()
                .statusCode(200).body("fields.credit_limit", equalTo("100.00"));
        assertThat(Db.count("SELECT count(*) FROM app_perm.customer WHERE name = 'Clerk Co'")).isZero();
    }

    @Test
    void hiddenFieldsAreAbsentUnfilterableAndUnwritableAndReadOnlyOnesUnwritable() {
        as("rep1").get(RECORDS + "/" + records.get("rep1")).then().statusCode(200)
                .body("fields", not(hasKey("id_number"))).body("fields.name", equalTo("Rep One Trading"));
        as("clerk").get(RECORDS + "/" + records.get("rep1")).then().statusCode(200).body("fields.id_number", equalTo("ID-1"));
        as("rep1").queryParam("filter", "{\"field\": \"id_number\", \"op\": \"eq\", \"value\": \"ID-1\"}").get(RECORDS).then()
                .statusCode(422).body("errors[0].pointer", equalTo("/filter/field"));
        as("rep1").queryParam("sort", "id_number").get(RECORDS).then().statusCode(422);
        as("rep1").body("{\"fields\": {\"id_number\": \"ID-X\"}}").patch(RECORDS + "/" + records.get("rep1")).then()
                .statusCode(422).body("errors[0].code", equalTo("FIELD_UNKNOWN"));
        as("rep1").body("{\"fields\": {\"credit_limit\": \"1000000\"}}").patch(RECORDS + "/" + records.get("rep1")).then()
                .statusCode(422).body("errors[0].code", equalTo("FIELD_READ_ONLY"));
        as("rep1").get(RECORDS + "/" + records.get("rep1") + "/timeline").then().statusCode(200)
                .body("items[-1].changes", not(hasKey("id_number")));
    }

    @Test
    void duplicateChecksNameTheRuleButNoRecordOutsideTheScope() {
        as("rep1").body("{\"fields\": {\"name\": \"BOSS Holdings Ltd\"}}").post(RECORDS).then().statusCode(409)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("same_name"))
                .body("errors[0].blockedBy", equalTo(List.of()));
        as("rep1").body("{\"fields\": {\"name\": \"Boss Holdings\"}}").post(RECORDS + "/duplicates").then().statusCode(200)
                .body("items[0].rule", equalTo("same_name")).body("items[0].records", equalTo(List.of()));
        as("boss").body("{\"fields\": {\"name\": \"Boss Holdings\"}}").post(RECORDS + "/duplicates").then().statusCode(200)
                .body("items[0].records", containsInAnyOrder(records.get("boss")));
    }

    @Test
    void changingAnOwnerNeedsScopeOverTheNewOwnerToo() {
        String clerkId = as("clerk").get("/api/v1/me").then().extract().path("id");
        String rep2Id = as("rep2").get("/api/v1/me").then().extract().path("id");
        String record = create("boss", "{\"name\": \"Handover Ltd\"}");

        as("boss").body("{\"owner\": \"" + clerkId + "\", \"fields\": {}}").patch(RECORDS + "/" + record).then().statusCode(403)
                .body("errors[0].pointer", equalTo("/owner"));
        as("boss").body("{\"owner\": \"" + rep2Id + "\", \"fields\": {}}").patch(RECORDS + "/" + record).then().statusCode(200)
                .body("owner", equalTo(rep2Id));
        as("rep2").get(RECORDS + "/" + record).then().statusCode(200);
        as("rep1").body("{\"owner\": \"" + rep2Id + "\", \"fields\": {\"name\": \"Gift Co\"}}").post(RECORDS).then().statusCode(403);
    }

    @Test
    void anApiTokenActsWithItsRoles() {
        String secret = People.asAdmin().body("{\"name\": \"erp\", \"roles\": [\"finance_clerk\"], \"expiresAt\": \""
                        + java.time.Instant.now().plusSeconds(3600) + "\"}")
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("secret");

        RestAssured.given().header("Authorization", Login.bearer(secret)).queryParam("count", true).get(RECORDS).then()
                .statusCode(200).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                .body("items[0].fields.name", not(nullValue()));
    }

    private static void role(String key, String actions, String fields) {
        People.asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"perm\", \"form\": \"customer\","
                + " \"actions\": " + actions + ", \"fields\": " + fields + "}]}").put("/api/v1/admin/roles/" + key)
                .then().statusCode(200);
    }

    private static String user(String name, String role, String department) {
        String username = People.unique(name);
        People.createUser(username, "password-" + name, "[\"" + role + "\"]", department);
        return Login.token(username, "password-" + name);
    }

    private static RequestSpecification as(String who) {
        return People.as(tokens.get(who));
    }

    private static String create(String who, String fields) {
        return as(who).body("{\"fields\": " + fields + "}").post(RECORDS).then().statusCode(201).extract().path("id");
    }

    private static List<String> names(String who, Map<String, String> query) {
        RequestSpecification request = as(who).queryParam("limit", 500);
        if (query != null) {
            query.forEach(request::queryParam);
        }
        return request.get(RECORDS).then().statusCode(200).extract().path("items.fields.name");
    }
}
