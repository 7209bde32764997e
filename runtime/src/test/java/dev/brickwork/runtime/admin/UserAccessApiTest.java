package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.Login;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code GET /admin/users/{id}/access} (docs/spec.md §8 addition): the "view as" preview says which role grants each
 * action with which scope, which role hides or locks a field, and counts the records the user's own list counts.
 *
 * <p>Roles: {@code va_reader} reads the department and hides {@code secret}; {@code va_writer} reads its own, updates
 * its own and makes {@code credit} read-only. rep1 and rep2 share a department, outsider has another.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class UserAccessApiTest {

    private static final String APP = "view_as";
    private static final String RECORDS = "/api/v1/apps/view_as/forms/customer/records";
    private static Map<String, String> users;
    private static Map<String, String> tokens;
    private static String reader;
    private static String writer;

    @BeforeEach
    void world() {
        if (users != null) {
            return;
        }
        RestAssured.requestSpecification = People.asAdmin();
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "customer", """
                {"schemaVersion": 1, "key": "customer", "fields": [
                  {"key": "name", "type": "text", "required": true},
                  {"key": "credit", "type": "money"}, {"key": "secret", "type": "text"}]}""");
        RestAssured.requestSpecification = null;
        reader = role("va_reader", "{\"read\": \"department\", \"create\": \"own\"}", "{\"secret\": \"hidden\"}");
        writer = role("va_writer", "{\"read\": \"own\", \"create\": \"own\", \"update\": \"own\"}", "{\"credit\": \"readonly\"}");
        String east = People.createDepartment(People.unique("east"), null);
        String west = People.createDepartment(People.unique("west"), null);
        String rep1 = People.unique("rep1");
        String rep2 = People.unique("rep2");
        String outsider = People.unique("outsider");
        users = Map.of("rep1", People.createUser(rep1, "view-pass-1", "[\"" + reader + "\", \"" + writer + "\"]", east),
                "rep2", People.createUser(rep2, "view-pass-1", "[\"" + writer + "\"]", east),
                "outsider", People.createUser(outsider, "view-pass-1", "[\"" + writer + "\"]", west));
        tokens = Map.of("rep1", Login.token(rep1, "view-pass-1"), "rep2", Login.token(rep2, "view-pass-1"),
                "outsider", Login.token(outsider, "view-pass-1"));
        for (String who : List.of("rep1", "rep2", "rep2", "outsider")) {
            People.as(tokens.get(who)).body("{\"fields\": {\"name\": \"" + who + " account\"}}").post(RECORDS)
                    .then().statusCode(201);
        }
    }

    @Test
    void namesTheRoleThatGrantsEachActionAndCountsWhatTheUserSees() {
        JsonPath access = access(users.get("rep1"), "app=" + APP + "&form=customer").statusCode(200).extract().jsonPath();

        assertThat(grant(access, "read")).containsEntry("scope", "department").containsEntry("grantedBy", List.of(reader));
        assertThat(grant(access, "update")).containsEntry("scope", "own").containsEntry("grantedBy", List.of(writer));
        assertThat(grant(access, "create").get("grantedBy")).asList().containsExactlyInAnyOrder(reader, writer);
        assertThat(grant(access, "delete")).containsEntry("scope", "none").containsEntry("grantedBy", List.of());
        assertThat(access.getList("actions.action")).containsExactly("create", "read", "update", "delete", "import",
                "export", "share");
        // secret: hidden by the reader but not restricted by the writer, so the union leaves it open
        assertThat(field(access, "secret")).containsEntry("access", "full");
        assertThat(field(access, "credit")).containsEntry("access", "full");
        long listed = People.as(tokens.get("rep1")).get(RECORDS + "?count=true").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertThat(access.getLong("records.total")).isEqualTo(3).isEqualTo(listed);
        assertThat(access.getString("user.username")).startsWith("rep1_");
    }

    @Test
    void explainsAFieldEveryRoleRestricts() {
        JsonPath access = access(users.get("rep2"), "app=" + APP + "&form=customer").statusCode(200).extract().jsonPath();

        assertThat(field(access, "credit")).containsEntry("access", "readonly")
                .containsEntry("byRole", List.of(Map.of("role", writer, "access", "readonly")));
        assertThat(grant(access, "read")).containsEntry("scope", "own");
        assertThat(access.getLong("records.total")).isEqualTo(2);
    }

    @Test
    void showsAnAdministratorEverythingGrantedByTheAdminRole() {
        String admin = People.asAdmin().get("/api/v1/me").then().statusCode(200).extract().path("id");

        JsonPath access = access(admin, "app=" + APP + "&form=customer").statusCode(200).extract().jsonPath();

        assertThat(access.getList("actions.scope")).containsOnly("all");
        assertThat(access.getList("actions.grantedBy")).containsOnly(List.of("admin"));
        assertThat(access.getLong("records.total")).isEqualTo(4);
    }

    @Test
    void refusesAnUnknownUserOrFormWithALocatedProblem() {
        access("not-a-uuid", "app=" + APP + "&form=customer").statusCode(404).body("code", equalTo("USER_NOT_FOUND"))
                .body("errors[0].pointer", equalTo("/id"));
        access("01a2a000-0000-7000-8000-000000000000", "app=" + APP + "&form=customer").statusCode(404)
                .body("errors[0].pointer", equalTo("/id"));
        access(users.get("rep1"), "app=" + APP + "&form=nothing").statusCode(404).body("code", equalTo("NOT_FOUND"))
                .body("errors[0].pointer", equalTo("/form")).body("errors[0].code", equalTo("FORM_NOT_FOUND"));
        access(users.get("rep1"), "app=no_such_app&form=customer").statusCode(404).body("errors[0].pointer", equalTo("/app"));
        access(users.get("rep1"), "app=" + APP).statusCode(422).body("code", equalTo("REQUEST_INVALID"))
                .body("errors[0].pointer", equalTo("/form"));
        People.as(tokens.get("rep1")).get("/api/v1/admin/users/" + users.get("rep1") + "/access?app=" + APP + "&form=customer")
                .then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse access(String user, String query) {
        return People.asAdmin().get("/api/v1/admin/users/" + user + "/access?" + query).then();
    }

    private static Map<String, Object> grant(JsonPath access, String action) {
        return access.getMap("actions.find { it.action == '" + action + "' }");
    }

    private static Map<String, Object> field(JsonPath access, String key) {
        return access.getMap("fields.find { it.field == '" + key + "' }");
    }

    private static String role(String prefix, String actions, String fields) {
        String key = People.unique(prefix);
        People.asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"" + APP + "\", \"form\": \"customer\","
                + " \"actions\": " + actions + ", \"fields\": " + fields + "}]}").put("/api/v1/admin/roles/" + key)
                .then().statusCode(200);
        return key;
    }
}
