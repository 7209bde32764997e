package dev.brickwork.runtime.catalog;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What staff may open (docs/spec.md §4): the apps and forms their roles reach, a form's definition as they may use
 * it, and the live preview of a form being filled in with the server's own semantics (decision 0030).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class CatalogTest {

    private static final String APP = "cat_app";
    private static final String DEAL = """
            {"schemaVersion": 1, "key": "deal", "label": {"en": "Deal", "zh-CN": "商机"}, "titleField": "name",
             "fields": [
              {"key": "name", "type": "text", "required": true},
              {"key": "customer", "type": "reference", "target": "account"},
              {"key": "stage", "type": "select", "options": [{"value": "open"}, {"value": "won"}]},
              {"key": "reason", "type": "text", "visibleWhen": "stage = 'won'"},
              {"key": "note", "type": "text", "readOnlyWhen": "stage = 'won'"},
              {"key": "cost", "type": "money"},
              {"key": "margin", "type": "money"},
              {"key": "lines", "type": "subtable", "fields": [
                {"key": "qty", "type": "number", "integer": true},
                {"key": "price", "type": "money"},
                {"key": "line_total", "type": "formula", "expression": "qty * price"}]},
              {"key": "total", "type": "formula", "expression": "SUM(lines.line_total)"},
              {"key": "profit", "type": "formula", "expression": "total - cost"}],
             "rules": [{"type": "validation", "key": "margin_positive", "expression": "margin >= 0", "field": "margin",
                        "message": {"en": "Margin cannot be negative"}},
                       {"type": "validation", "key": "cost_known", "expression": "cost >= 0", "field": "cost"}]}
            """;
    private static String rep;
    private static String stranger;

    @BeforeEach
    void world() {
        RestAssured.requestSpecification = null;
        if (rep != null) {
            return;
        }
        RestAssured.requestSpecification = People.asAdmin();
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "account", """
                {"schemaVersion": 1, "key": "account", "label": "Account", "titleField": "title",
                 "fields": [{"key": "title", "type": "text"}]}""");
        Design.publishDefinition(APP, "deal", DEAL);
        Design.publishDefinition(APP, "secret", """
                {"schemaVersion": 1, "key": "secret", "fields": [{"key": "x", "type": "text"}]}""");
        RestAssured.requestSpecification = null;
        People.asAdmin().body("""
                {"key": "cat_rep", "permissions": [
                  {"app": "cat_app", "form": "deal", "actions": {"create": "own", "read": "own", "update": "own"},
                   "fields": {"cost": "hidden", "margin": "readonly"}},
                  {"app": "cat_app", "form": "account", "actions": {"read": "all"}}]}""")
                .put("/api/v1/admin/roles/cat_rep").then().statusCode(200);
        People.createUser("cat_rep_user", "cat-pass-1", "[\"cat_rep\"]", null);
        rep = Login.token("cat_rep_user", "cat-pass-1");
        stranger = People.staffToken();
    }

    @Test
    void staffSeeTheAppsAndFormsTheirRolesReachInTheAppsOrder() {
        JsonPath apps = People.as(rep).get("/api/v1/apps").then().statusCode(200).extract().jsonPath();
        assertThat(apps.getList("items.key")).containsExactly(APP);
        assertThat(apps.getList("items[0].forms.key")).containsExactly("account", "deal");
        assertThat(apps.getMap("items[0].forms[1].can")).containsEntry("create", true).containsEntry("delete", false)
                .containsEntry("import", false);
        assertThat(apps.getMap("items[0].forms[1].label")).containsEntry("zh-CN", "商机");
        People.as(stranger).get("/api/v1/apps").then().statusCode(200).body("items", empty());
    }

    @Test
    void aFormComesAsTheCallerMayUseItWithAnEtag() {
        JsonPath form = People.as(rep).get("/api/v1/apps/" + APP + "/forms/deal").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-cache"))
                .extract().jsonPath();
        assertThat(form.getList("fields.key")).contains("name", "margin", "lines").doesNotContain("cost");
        assertThat(form.getBoolean("fields.find { it.key == 'margin' }.readOnly")).isTrue();
        assertThat(form.getString("fields.find { it.key == 'name' }.readOnly")).isNull();
        assertThat(form.getString("titleField")).isEqualTo("name");
        assertThat(form.getMap("references.account")).containsEntry("titleField", "title");
        // a rule over a hidden field is left out; the other keeps its message
        assertThat(form.getList("rules.key")).containsExactly("margin_positive");
        assertThat(form.getString("rules[0].expression")).isNull();
        assertThat(form.getMap("can")).containsEntry("update", true).containsEntry("delete", false);

        String etag = People.as(rep).get("/api/v1/apps/" + APP + "/forms/deal").then().extract().header("ETag");
        People.as(rep).header("If-None-Match", etag).get("/api/v1/apps/" + APP + "/forms/deal").then().statusCode(304);
        // an admin sees every field, so a different answer and tag
        String adminTag = People.asAdmin().get("/api/v1/apps/" + APP + "/forms/deal").then().statusCode(200)
                .body("fields.key", hasItem("cost")).extract().header("ETag");
        assertThat(adminTag).isNotEqualTo(etag);
    }

    @Test
    void aFormTheCallerMayNotOpenIsNotFound() {
        People.as(rep).get("/api/v1/apps/" + APP + "/forms/secret").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        People.as(rep).get("/api/v1/apps/" + APP + "/forms/nope").then().statusCode(404);
        People.as(rep).get("/api/v1/apps/nope/forms/deal").then().statusCode(404);
        RestAssured.given().get("/api/v1/apps").then().statusCode(401);
    }

    @Test
    void aPreviewComputesFormulasVisibilityAndProblemsAsASaveWould() {
        String records = "/api/v1/apps/" + APP + "/forms/deal/records";
        JsonPath preview = People.as(rep).body("""
                        {"fields": {"stage": "won",
                         "lines": [{"qty": 2, "price": "10.50"}, {"qty": 1, "price": "0.25"}]}}""")
                .post(records + "/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("fields.total")).isEqualTo("21.25");
        assertThat(preview.getList("rows.lines.line_total")).containsExactly("21.00", "0.25");
        assertThat(preview.getList("hidden")).isEmpty();
        assertThat(preview.getList("readOnly")).containsExactly("note");
        assertThat(preview.getList("errors.pointer")).contains("/fields/name");
        // in the caller's language, as a refused save's problems would be
        People.as(rep).header("Accept-Language", "zh-CN").body("{\"fields\": {}}").post(records + "/preview").then().statusCode(200)
                .body("errors.find { it.pointer == '/fields/name' }.message", equalTo("必填。"));
        // margin is read-only for the rep: writing it is refused as a save would
        People.as(rep).body("{\"fields\": {\"stage\": \"open\"}}").post(records + "/preview").then().statusCode(200)
                .body("hidden", contains("reason")).body("readOnly", empty())
                .body("fields.profit", org.hamcrest.Matchers.nullValue());
        // nothing was written
        People.as(rep).get(records + "?count=true").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anEditIsPreviewedOverTheStoredRecordHiddenFieldsIncluded() {
        String records = "/api/v1/apps/" + APP + "/forms/deal/records";
        String id = People.asAdmin().body("{\"fields\": {\"name\": \"Big\", \"cost\": \"5\", \"lines\": [{\"qty\": 1, \"price\": \"8\"}]}}")
                .post(records).then().statusCode(201).extract().path("id");
        String owner = People.as(rep).get("/api/v1/me").then().extract().path("id");
        People.asAdmin().body("{\"owner\": \"" + owner + "\", \"fields\": {}}").patch(records + "/" + id).then().statusCode(200);
        // profit reads the hidden cost from the stored record; the answer names only what the rep sees
        JsonPath preview = People.as(rep).body("{\"fields\": {\"lines\": [{\"qty\": 2, \"price\": \"8\"}]}}")
                .post(records + "/" + id + "/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("fields.total")).isEqualTo("16.00");
        assertThat(preview.getString("fields.profit")).isEqualTo("11.00");
        assertThat(preview.getMap("fields")).doesNotContainKey("cost");
        assertThat(preview.getList("errors")).isEmpty();
        People.as(rep).get(records + "/" + id).then().body("fields.total", equalTo("8.00"));
        // the save then stores exactly what the preview showed
        People.as(rep).body("{\"fields\": {\"lines\": [{\"qty\": 2, \"price\": \"8\"}]}}").patch(records + "/" + id)
                .then().statusCode(200).body("fields.total", equalTo(preview.getString("fields.total")))
                .body("fields.profit", equalTo(preview.getString("fields.profit")));
    }

    @Test
    void previewsRefuseWhatASaveWouldRefuse() {
        String records = "/api/v1/apps/" + APP + "/forms/deal/records";
        People.as(rep).body("{\"fields\": {\"margin\": \"3\"}}").post(records + "/preview").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/fields/margin")).body("errors[0].code", equalTo("FIELD_READ_ONLY"));
        People.as(rep).body("{\"fields\": [1]}").post(records + "/preview").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/fields"));
        People.as(stranger).body("{\"fields\": {}}").post(records + "/preview").then().statusCode(403);
        People.as(rep).body("{\"fields\": {}}").post(records + "/" + java.util.UUID.randomUUID() + "/preview").then()
                .statusCode(404);
    }
}
