package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.Login;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.brickwork.runtime.admin.People.asAdmin;
import static dev.brickwork.runtime.admin.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class UsersApiTest {

    private static long users() {
        return Db.count("SELECT count(*) FROM brickwork.users");
    }

    @Test
    void createsAUserWithRolesAndADepartmentWithoutShowingThePassword() {
        // given
        String role = People.defineRole(unique("clerk"));
        String department = People.createDepartment(unique("Ops"), null);
        String username = unique("ann");

        // when
        String id = asAdmin().body("{\"username\": \"" + username + "\", \"password\": \"secret-pass-1\", \"displayName\": \"Ann\","
                        + " \"department\": \"" + department + "\", \"roles\": [\"" + role + "\"]}")
                .post("/api/v1/admin/users").then().statusCode(201)
                .header("Location", containsString("/api/v1/admin/users/"))
                .body("username", equalTo(username)).body("displayName", equalTo("Ann"))
                .body("department", equalTo(department)).body("roles", equalTo(List.of(role)))
                .body("disabled", equalTo(false)).body("version", equalTo(1))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")))
                .body(not(containsString("secret-pass-1")))
                .extract().path("id");

        // then the password is stored as bcrypt, works for login, and is nowhere in the audit
        assertThat(Db.single("SELECT password_hash FROM brickwork.users WHERE id = ?", UUID.fromString(id))).startsWith("$2");
        Login.token(username, "secret-pass-1");
        asAdmin().get("/api/v1/admin/users/" + id).then().statusCode(200).header("ETag", "\"1\"").body("roles", hasItem(role));
        String detail = Db.single("SELECT detail::text FROM brickwork.audit_log WHERE action = 'user.created' AND record_id = ?",
                UUID.fromString(id));
        assertThat(detail).contains(username).doesNotContain("secret-pass-1").doesNotContain("$2");
    }

    @Test
    void refusesATakenUsernameWithConflict() {
        String username = unique("dup");
        People.createUser(username, "dup-pass-12", "[]", null);
        long before = users();

        asAdmin().body("{\"username\": \"" + username + "\", \"password\": \"other-pass-1\", \"displayName\": \"Dup\"}")
                .post("/api/v1/admin/users").then().statusCode(409).body("code", equalTo("USERNAME_TAKEN"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void refusesAShortPasswordAnUnknownRoleAndAnUnknownDepartmentWithPointers() {
        String role = People.defineRole(unique("known"));
        long before = users();

        asAdmin().body("{\"username\": \"" + unique("shorty") + "\", \"password\": \"short\", \"displayName\": \"S\"}")
                .post("/api/v1/admin/users").then().statusCode(422).body("code", equalTo("USER_INVALID"))
                .body("errors.pointer", equalTo(List.of("/password"))).body("errors[0].code", equalTo("PASSWORD_TOO_SHORT"))
                .body(not(containsString("\"short\"")));
        asAdmin().body("{\"username\": \"" + unique("norole") + "\", \"password\": \"long-enough-1\", \"displayName\": \"N\","
                        + " \"roles\": [\"" + role + "\", \"no_such_role\"], \"department\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/admin/users").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/department", "/roles/1")));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void refusesMissingPropertiesABadUsernameAndUnknownPropertiesTogether() {
        long before = users();

        asAdmin().body("{\"username\": \"has space\", \"roles\": \"x\", \"admin\": true}").post("/api/v1/admin/users").then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/admin", "/username", "/password", "/displayName", "/roles")));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonWithBadRequest() {
        long before = users();

        asAdmin().body("[\"not\", ").post("/api/v1/admin/users").then().statusCode(400).body("code", equalTo("BODY_MALFORMED"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void answersNotFoundForAnUnknownUser() {
        asAdmin().get("/api/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("USER_NOT_FOUND"));
        asAdmin().body("{\"displayName\": \"x\"}").patch("/api/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void listsUsersInUsernameOrderPageByPage() {
        // given three users whose names sort together
        String prefix = unique("page");
        for (String suffix : List.of("a", "b", "c")) {
            People.createUser(prefix + suffix, "page-pass-1", "[]", null);
        }

        // when paging from just before them, one at a time
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(prefix.getBytes());
        String first = asAdmin().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/admin/users").then()
                .statusCode(200).body("items[0].username", equalTo(prefix + "a")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");

        // then
        asAdmin().queryParam("limit", 2).queryParam("cursor", first).get("/api/v1/admin/users").then().statusCode(200)
                .body("items.username", equalTo(List.of(prefix + "b", prefix + "c")));
        asAdmin().queryParam("limit", 0).get("/api/v1/admin/users").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/limit"));
    }

    @Test
    void anAdminCanCreateAnotherAdmin() {
        String username = unique("second_admin");
        String id = People.createUser(username, "admin-pass-2", "[\"admin\"]", null);

        People.as(Login.token(username, "admin-pass-2")).get("/api/v1/admin/users/" + id).then().statusCode(200)
                .body("roles", equalTo(List.of("admin")));

        // demoted again so the last-admin test sees only the bootstrap admin
        asAdmin().body("{\"roles\": []}").patch("/api/v1/admin/users/" + id).then().statusCode(200);
    }
}
