package dev.brickwork.runtime.admin;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brickwork.runtime.admin.People.asAdmin;
import static dev.brickwork.runtime.admin.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class RolesApiTest {

    private static String role(String key, String readScope) {
        return "{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"crm\", \"form\": \"customer\","
                + " \"actions\": {\"create\": \"all\", \"read\": \"" + readScope + "\"}, \"fields\": {\"id_number\": \"hidden\"}}]}";
    }

    @Test
    void definesARoleThenReplacesItWithANewVersion() {
        String key = unique("sales");

        asAdmin().body(role(key, "department")).put("/api/v1/admin/roles/" + key).then().statusCode(200)
                .header("ETag", "\"1\"").body("key", equalTo(key)).body("version", equalTo(1))
                .body("permissions[0].actions.read", equalTo("department"))
                .body("permissions[0].actions.delete", equalTo("none"))
                .body("permissions[0].fields.id_number", equalTo("hidden"));
        asAdmin().header("If-Match", "\"1\"").body(role(key, "subtree")).put("/api/v1/admin/roles/" + key).then()
                .statusCode(200).header("ETag", "\"2\"");

        asAdmin().get("/api/v1/admin/roles/" + key).then().statusCode(200).header("ETag", "\"2\"")
                .body("permissions[0].actions.read", equalTo("subtree"));
        asAdmin().get("/api/v1/admin/roles").then().statusCode(200).body("items.key", hasItem(key));
        assertThat(Db.single("SELECT detail->'definition'->'permissions'->0->'actions'->>'read' FROM brickwork.audit_log"
                + " WHERE action = 'role.changed' AND detail->>'key' = ? AND detail->>'version' = '2'", key)).isEqualTo("subtree");
    }

    @Test
    void refusesABadRoleListingEveryProblemAndStoresNothing() {
        String key = unique("broken");

        asAdmin().body("{\"key\": \"other\", \"permissions\": [{\"app\": \"crm\", \"form\": \"c\","
                        + " \"actions\": {\"read\": \"everyone\", \"print\": \"all\"}}], \"extra\": 1}")
                .put("/api/v1/admin/roles/" + key).then().statusCode(422).body("code", equalTo("ROLE_INVALID"))
                .body("errors.pointer", equalTo(List.of("/extra", "/key", "/permissions/0/actions/read",
                        "/permissions/0/actions/print")));

        assertThat(Db.count("SELECT count(*) FROM brickwork.roles WHERE role_key = ?", key)).isZero();
    }

    @Test
    void theAdminKeyCannotBeDefined() {
        asAdmin().body("{\"key\": \"admin\", \"permissions\": []}").put("/api/v1/admin/roles/admin").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/key")).body("errors[0].code", equalTo("KEY_RESERVED"));

        assertThat(Db.count("SELECT count(*) FROM brickwork.roles WHERE role_key = 'admin'")).isZero();
    }

    @Test
    void refusesAStaleIfMatchAndMalformedJsonWithoutChangingTheRole() {
        String key = People.defineRole(unique("steady"));

        asAdmin().header("If-Match", "\"9\"").body(role(key, "all")).put("/api/v1/admin/roles/" + key).then().statusCode(412);
        asAdmin().body("{\"key\": ").put("/api/v1/admin/roles/" + key).then().statusCode(400);

        assertThat(Db.single("SELECT version::text FROM brickwork.roles WHERE role_key = ?", key)).isEqualTo("1");
    }

    @Test
    void answersNotFoundForAnUnknownRole() {
        asAdmin().get("/api/v1/admin/roles/" + unique("ghost")).then().statusCode(404).body("code", equalTo("ROLE_NOT_FOUND"));
    }
}
