package dev.brickwork.runtime.views;

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
import static org.hamcrest.Matchers.equalTo;

/**
 * Saved views (docs/spec.md §4): personal ones are their owner's alone, shared ones are read by every reader and
 * written only by those who may share; every part of a view is checked as the list would check it, and a bad view
 * writes nothing.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class SavedViewsTest {

    private static final String APP = "views_app";
    private static final String VIEWS = "/api/v1/apps/" + APP + "/forms/deal/views";
    private static String rep;
    private static String otherRep;
    private static String manager;
    private static String stranger;

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
                  {"key": "stage", "type": "select", "options": [{"value": "open"}, {"value": "won"}], "index": true},
                  {"key": "tags", "type": "multiselect", "options": [{"value": "a"}]},
                  {"key": "amount", "type": "money", "index": true},
                  {"key": "cost", "type": "money"}]}""");
        RestAssured.requestSpecification = null;
        People.asAdmin().body("""
                {"key": "views_rep", "permissions": [{"app": "views_app", "form": "deal",
                  "actions": {"read": "own", "create": "own"}, "fields": {"cost": "hidden"}}]}""")
                .put("/api/v1/admin/roles/views_rep").then().statusCode(200);
        People.asAdmin().body("""
                {"key": "views_manager", "permissions": [{"app": "views_app", "form": "deal",
                  "actions": {"read": "all", "share": "all"}}]}""")
                .put("/api/v1/admin/roles/views_manager").then().statusCode(200);
        People.createUser("views_rep1", "views-pass-1", "[\"views_rep\"]", null);
        People.createUser("views_rep2", "views-pass-1", "[\"views_rep\"]", null);
        People.createUser("views_mgr", "views-pass-1", "[\"views_manager\"]", null);
        rep = Login.token("views_rep1", "views-pass-1");
        otherRep = Login.token("views_rep2", "views-pass-1");
        manager = Login.token("views_mgr", "views-pass-1");
        stranger = People.staffToken();
    }

    @Test
    void aPersonalViewIsItsOwnersAlone() {
        String id = People.as(rep).body("""
                {"name": "Big open deals", "columns": ["name", "amount", "createdAt"],
                 "filter": {"and": [{"field": "stage", "op": "eq", "value": "open"}, {"field": "amount", "op": "gte", "value": "1000"}]},
                 "sort": "-amount", "q": " acme "}""").post(VIEWS).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/forms/deal/views/"))
                .extract().path("id");
        JsonPath view = People.as(rep).get(VIEWS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("columns")).containsExactly("name", "amount", "createdAt");
        assertThat(view.getString("filter.and[1].value")).isEqualTo("1000");
        assertThat(view.getString("sort")).isEqualTo("-amount");
        assertThat(view.getString("q")).isEqualTo("acme");
        assertThat(view.getString("type")).isEqualTo("table");
        assertThat(view.getMap("presets")).isEmpty();
        assertThat(view.getBoolean("can.update")).isTrue();

        assertThat(People.as(otherRep).get(VIEWS).then().statusCode(200).extract().jsonPath().getList("items.id")).doesNotContain(id);
        People.as(otherRep).get(VIEWS + "/" + id).then().statusCode(404);
        People.as(otherRep).body("{\"name\": \"Mine now\"}").put(VIEWS + "/" + id).then().statusCode(404);
        People.as(stranger).get(VIEWS).then().statusCode(403);

        People.as(rep).body("{\"name\": \"Big open deals\"}").post(VIEWS).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/name")).body("errors[0].code", equalTo("VIEW_NAME_TAKEN"));
        // the other rep may use the same name for a view of their own
        People.as(otherRep).body("{\"name\": \"big open deals\"}").post(VIEWS).then().statusCode(201);
    }

    @Test
    void sharedViewsAreReadByEveryReaderAndWrittenOnlyByThoseWhoMayShare() {
        People.as(rep).body("{\"name\": \"Team\", \"shared\": true}").post(VIEWS).then().statusCode(403);
        JsonPath list = People.as(rep).get(VIEWS).then().statusCode(200).extract().jsonPath();
        assertThat(list.getBoolean("canShare")).isFalse();
        assertThat(list.getList("items.name")).doesNotContain("Team");

        String id = People.as(manager).body("""
                {"name": "Pipeline", "shared": true, "type": "kanban", "groupBy": "stage", "columns": ["name", "cost"]}""")
                .post(VIEWS).then().statusCode(201).extract().path("id");
        assertThat(People.as(manager).get(VIEWS).then().extract().jsonPath().getBoolean("canShare")).isTrue();

        JsonPath seen = People.as(rep).get(VIEWS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getString("groupBy")).isEqualTo("stage");
        assertThat(seen.getList("columns")).as("a field hidden from the rep is left out").containsExactly("name");
        assertThat(seen.getBoolean("can.update")).isFalse();
        People.as(rep).body("{\"name\": \"Pipeline\", \"shared\": true, \"type\": \"kanban\", \"groupBy\": \"stage\"}")
                .put(VIEWS + "/" + id).then().statusCode(403);
        People.as(rep).delete(VIEWS + "/" + id).then().statusCode(403);

        People.as(manager).header("If-Match", "\"7\"").body("{\"name\": \"Pipeline 2\", \"shared\": true, \"type\": \"kanban\","
                + " \"groupBy\": \"stage\"}").put(VIEWS + "/" + id).then().statusCode(412);
        People.as(manager).header("If-Match", "\"1\"").body("{\"name\": \"Pipeline 2\", \"shared\": true, \"type\": \"kanban\","
                + " \"groupBy\": \"stage\"}").put(VIEWS + "/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("name", equalTo("Pipeline 2"));
        People.as(manager).header("If-Match", "\"1\"").delete(VIEWS + "/" + id).then().statusCode(412);
        People.as(manager).delete(VIEWS + "/" + id).then().statusCode(204);
        People.as(rep).get(VIEWS + "/" + id).then().statusCode(404);
    }

    @Test
    void aBadViewIsRefusedWhereItIsWrongAndWritesNothing() {
        int before = People.as(rep).get(VIEWS).then().extract().jsonPath().getList("items").size();
        People.as(rep).body("""
                {"name": "", "type": "grid", "columns": ["name", "cost", "name", 3], "colour": "red"}""")
                .post(VIEWS).then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/name", "/type", "/columns/1", "/columns/2", "/columns/3", "/colour"));
        // what needs the form: a field the rep may not see, a kanban over a multi-select, the list's own filter checks
        People.as(rep).body("""
                {"name": "x", "type": "kanban", "groupBy": "tags", "columns": ["cost"]}""")
                .post(VIEWS).then().statusCode(422).body("errors.pointer", containsInAnyOrder("/columns/0", "/groupBy"));
        People.as(rep).body("{\"name\": \"x\", \"type\": \"kanban\"}").post(VIEWS).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/groupBy"));
        People.as(rep).body("""
                {"name": "x", "filter": {"or": [{"field": "cost", "op": "eq", "value": "1"}, {"field": "stage", "op": "near", "value": "a"}]}}""")
                .post(VIEWS).then().statusCode(422).body("errors.pointer", containsInAnyOrder("/filter/or/0/field", "/filter/or/1/op"));
        People.as(rep).body("{\"name\": \"x\", \"sort\": \"-nope\"}").post(VIEWS).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/sort/0"));
        String body = People.as(rep).body("{\"name\": \"x\", \"q\": \"secret-value\", \"columns\": [\"secret-column\"]}")
                .post(VIEWS).then().statusCode(422).extract().asString();
        assertThat(body).doesNotContain("secret-column");
        People.as(rep).body("[1]").post(VIEWS).then().statusCode(422);
        assertThat(People.as(rep).get(VIEWS).then().extract().jsonPath().getList("items")).hasSize(before);
        People.as(rep).get(VIEWS + "/not-a-uuid").then().statusCode(404);
        People.as(rep).get("/api/v1/apps/" + APP + "/forms/nope/views").then().statusCode(404);
    }

    @Test
    void aViewKeepsItsRelativeDateRangesBesideItsFilter() {
        String id = People.as(rep).body("""
                {"name": "Made this month", "filter": {"and": [{"field": "createdAt", "op": "between",
                  "value": ["2026-12-01T00:00:00Z", "2026-12-31T23:59:59Z"]}]}, "presets": {"/and/0": "thisMonth"}}""")
                .post(VIEWS).then().statusCode(201).extract().path("id");
        assertThat(People.as(rep).get(VIEWS + "/" + id).then().statusCode(200).extract().jsonPath().getMap("presets"))
                .containsExactly(java.util.Map.entry("/and/0", "thisMonth"));
        People.as(rep).body("{\"name\": \"Bad preset\", \"presets\": {\"/and/0\": \"someday\"}}").post(VIEWS).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/presets")).body("errors[0].code", equalTo("VIEW_PRESET_INVALID"));
        People.as(rep).body("{\"name\": \"Bad pointer\", \"presets\": {\"../x\": \"today\"}}").post(VIEWS).then().statusCode(422);
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        People.as(rep).body("{\"name\": \"Lang\"}").post(VIEWS).then().statusCode(201);
        People.as(rep).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").body("{\"name\": \"Lang\"}").post(VIEWS)
                .then().statusCode(422).body("title", equalTo("请求有误"))
                .body("errors[0].message", equalTo("已有同名视图，请换一个名称。"));
        People.as(rep).header("Accept-Language", "en-US").body("{\"name\": \"Lang\"}").post(VIEWS)
                .then().statusCode(422).body("title", equalTo("The request is invalid"));
    }
}
