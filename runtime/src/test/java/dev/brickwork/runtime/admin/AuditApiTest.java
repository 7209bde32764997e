package dev.brickwork.runtime.admin;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static dev.brickwork.runtime.admin.People.asAdmin;
import static dev.brickwork.runtime.admin.People.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class AuditApiTest {

    @Test
    void findsTheHistoryOfOneDepartmentNewestFirst() {
        // given
        Instant start = Instant.now().minusSeconds(1);
        String id = People.createDepartment(unique("Audited"), null);
        asAdmin().body("{\"name\": \"Renamed\"}").patch("/api/v1/admin/departments/" + id).then().statusCode(200);
        String admin = Db.single("SELECT id::text FROM brickwork.users WHERE username = 'admin'");

        // when / then
        asAdmin().queryParam("record", id).queryParam("user", admin).queryParam("from", start.toString())
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("department.changed", "department.created")))
                .body("items.actorName", everyItem(equalTo("admin")))
                .body("items[0].detail.to.name", equalTo("Renamed"));
        asAdmin().queryParam("record", id).queryParam("action", "department.created").queryParam("limit", 1)
                .get("/api/v1/admin/audit").then().body("items", hasSize(1));
        asAdmin().queryParam("record", id).queryParam("to", start.toString()).get("/api/v1/admin/audit").then()
                .body("items", hasSize(0));
    }

    @Test
    void recordsFailedLoginsOfUnknownUsersWithoutAnActor() {
        String stranger = unique("stranger");

        given().contentType(ContentType.JSON).header("X-Forwarded-For", People.uniqueAddress())
                .body("{\"username\": \"" + stranger + "\", \"password\": \"guess-guess\"}").post("/api/v1/auth/login")
                .then().statusCode(401);

        asAdmin().queryParam("action", "login.failed").queryParam("limit", 1000).get("/api/v1/admin/audit").then()
                .statusCode(200).body("items.find { it.detail.names.contains('" + stranger + "') }.actor", nullValue())
                .body("items.find { it.detail.names.contains('" + stranger + "') }.detail.attempts", equalTo(1));
        assertThat(Db.single("SELECT detail::text FROM brickwork.audit_log WHERE detail->'names' @> to_jsonb(?::text)", stranger))
                .doesNotContain("guess-guess");
    }

    @Test
    void recordsSuccessfulLogins() {
        String username = unique("regular");
        People.createUser(username, "regular-pass-1", "[]", null);

        dev.brickwork.runtime.Login.token(username, "regular-pass-1");

        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'login.succeeded' AND actor_name = ?"
                + " AND actor IS NOT NULL", username)).isOne();
    }

    @Test
    void refusesMalformedQueryParametersWithPointers() {
        asAdmin().queryParam("user", "bob").queryParam("record", "12").queryParam("from", "yesterday")
                .queryParam("to", "2026-13-01").queryParam("limit", 1001).get("/api/v1/admin/audit").then().statusCode(422)
                .body("code", equalTo("AUDIT_QUERY_INVALID"))
                .body("errors.pointer", equalTo(List.of("/user", "/record", "/from", "/to", "/limit")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE", "POST"})
    void offersNoCallThatWritesOrDeletesEntries(String method) {
        long before = Db.count("SELECT count(*) FROM brickwork.audit_log");

        asAdmin().body("{}").request(method, "/api/v1/admin/audit").then().statusCode(anyOf(is(404), is(405)));
        asAdmin().body("{}").request(method, "/api/v1/admin/audit/00000000-0000-7000-8000-000000000000").then()
                .statusCode(anyOf(is(404), is(405)));

        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log")).isGreaterThanOrEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToDeleteOrChangeEntries() {
        long before = Db.count("SELECT count(*) FROM brickwork.audit_log");

        assertThatThrownBy(() -> Db.execute("DELETE FROM brickwork.audit_log")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.execute("UPDATE brickwork.audit_log SET action = 'x'")).hasMessageContaining("append-only");

        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log")).isEqualTo(before);
    }
}
