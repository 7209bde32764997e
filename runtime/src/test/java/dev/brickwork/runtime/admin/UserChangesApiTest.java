package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.Login;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.brickwork.runtime.admin.People.as;
import static dev.brickwork.runtime.admin.People.asAdmin;
import static dev.brickwork.runtime.admin.People.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class UserChangesApiTest {

    private static long sessionsOf(String userId) {
        return Db.count("SELECT count(*) FROM brickwork.sessions WHERE user_id = ?", UUID.fromString(userId));
    }

    @Test
    void disablingAUserEndsTheirSessionsAndLogins() {
        // given
        String username = unique("leaver");
        String id = People.createUser(username, "leaver-pass-1", "[]", null);
        String token = Login.token(username, "leaver-pass-1");

        // when
        asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + id).then().statusCode(200)
                .body("disabled", equalTo(true)).body("version", equalTo(2));

        // then
        assertThat(sessionsOf(id)).isZero();
        as(token).get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", People.uniqueAddress())
                .body("{\"username\": \"" + username + "\", \"password\": \"leaver-pass-1\"}")
                .post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void resettingAPasswordEndsSessionsAndTheNewOneWorks() {
        String username = unique("forgetful");
        String id = People.createUser(username, "old-pass-123", "[]", null);
        String token = Login.token(username, "old-pass-123");

        asAdmin().body("{\"password\": \"new-pass-456\"}").patch("/api/v1/admin/users/" + id).then().statusCode(200);

        as(token).get("/api/v1/me").then().statusCode(401);
        Login.token(username, "new-pass-456");
        String detail = Db.single("SELECT detail::text FROM brickwork.audit_log WHERE action = 'user.changed' AND record_id = ?",
                UUID.fromString(id));
        assertThat(detail).contains("\"password\"").doesNotContain("new-pass-456").doesNotContain("$2");
    }

    @Test
    void changedRolesAndDepartmentShowInTheSessionIdentity() {
        // given
        String role = People.defineRole(unique("rep"));
        String department = People.createDepartment(unique("West"), null);
        String username = unique("mover");
        String id = People.createUser(username, "mover-pass-1", "[]", null);
        String token = Login.token(username, "mover-pass-1");

        // when
        asAdmin().body("{\"roles\": [\"" + role + "\"], \"department\": \"" + department + "\", \"displayName\": \"Moved\"}")
                .patch("/api/v1/admin/users/" + id).then().statusCode(200)
                .body("roles", equalTo(List.of(role))).body("department", equalTo(department));

        // then the same session sees the change at once
        as(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("user", role)).body("department", equalTo(department));
        assertThat(Db.single("SELECT detail->>'changed' FROM brickwork.audit_log WHERE action = 'user.changed' AND record_id = ?",
                UUID.fromString(id))).isEqualTo("[\"displayName\", \"department\", \"roles\"]");
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDisabledNorLoseAdmin() {
        // given only the bootstrap admin is an enabled admin (other tests demote the admins they make)
        assertThat(Db.count("SELECT count(*) FROM brickwork.users WHERE is_admin AND NOT disabled")).isOne();
        String admin = Db.single("SELECT id::text FROM brickwork.users WHERE username = 'admin'");

        // when / then
        asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + admin).then().statusCode(409)
                .body("code", equalTo("LAST_ADMIN"));
        asAdmin().body("{\"roles\": []}").patch("/api/v1/admin/users/" + admin).then().statusCode(409);
        assertThat(Db.single("SELECT is_admin AND NOT disabled FROM brickwork.users WHERE id = ?::uuid", admin)).isEqualTo("t");
    }

    @Test
    void anAdminMayBeDemotedWhileAnotherRemains() {
        String id = People.createUser(unique("temp_admin"), "temp-pass-1", "[\"admin\"]", null);

        asAdmin().body("{\"roles\": []}").patch("/api/v1/admin/users/" + id).then().statusCode(200).body("roles", equalTo(List.of()));

        assertThat(Db.single("SELECT is_admin FROM brickwork.users WHERE id = ?", UUID.fromString(id))).isEqualTo("f");
    }

    @Test
    void refusesUnknownPropertiesBadValuesAndStaleVersionsWithoutChangingAnything() {
        String id = People.createUser(unique("steady"), "steady-pass-1", "[]", null);

        asAdmin().body("{\"disabled\": \"yes\", \"isAdmin\": true, \"password\": \"short\", \"roles\": [\"nope_role\"]}")
                .patch("/api/v1/admin/users/" + id).then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/isAdmin", "/disabled", "/password")));
        asAdmin().body("{\"roles\": [\"nope_role\"]}").patch("/api/v1/admin/users/" + id).then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/roles/0"))).body("errors[0].code", equalTo("ROLE_UNKNOWN"));
        asAdmin().header("If-Match", "\"5\"").body("{\"displayName\": \"Other\"}").patch("/api/v1/admin/users/" + id).then()
                .statusCode(412);
        asAdmin().body("{\"displayName\": ").patch("/api/v1/admin/users/" + id).then().statusCode(400);

        assertThat(Db.single("SELECT version || display_name || disabled FROM brickwork.users WHERE id = ?", UUID.fromString(id)))
                .isEqualTo("1Tfalse");
    }
}
