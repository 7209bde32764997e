package dev.brickwork.runtime.admin;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.brickwork.runtime.admin.People.asAdmin;
import static dev.brickwork.runtime.admin.People.createDepartment;
import static dev.brickwork.runtime.admin.People.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class DepartmentsApiTest {

    @Test
    void createsADepartmentUnderAParentWithAManagerAndAuditsIt() {
        // given
        String parent = createDepartment(unique("Sales"), null);
        String manager = People.createUser(unique("boss"), "boss-pass-1", "[]", null);

        // when
        String id = asAdmin().body("{\"name\": \"East\", \"parent\": \"" + parent + "\", \"manager\": \"" + manager + "\"}")
                .post("/api/v1/admin/departments").then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("name", equalTo("East")).body("parent", equalTo(parent)).body("manager", equalTo(manager))
                .extract().path("id");

        // then
        asAdmin().get("/api/v1/admin/departments/" + id).then().statusCode(200).body("parent", equalTo(parent));
        asAdmin().get("/api/v1/admin/departments").then().statusCode(200).body("items.id", hasItem(id));
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'department.created' AND record_id = ?",
                UUID.fromString(id))).isOne();
    }

    @Test
    void refusesAnUnknownParentOrManagerWithPointersAndWritesNothing() {
        long before = Db.count("SELECT count(*) FROM brickwork.departments");

        asAdmin().body("{\"name\": \"Ghost\", \"parent\": \"" + UUID.randomUUID() + "\", \"manager\": \"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/admin/departments").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("DEPARTMENT_INVALID"))
                .body("errors.pointer", equalTo(List.of("/parent", "/manager")));
        asAdmin().body("{\"name\": \"\", \"parent\": 7, \"colour\": \"red\"}").post("/api/v1/admin/departments").then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/colour", "/name", "/parent")));

        assertThat(Db.count("SELECT count(*) FROM brickwork.departments")).isEqualTo(before);
    }

    @Test
    void refusesAMoveThatWouldPutADepartmentBelowItself() {
        // given a chain top > middle > bottom
        String top = createDepartment(unique("Top"), null);
        String middle = createDepartment(unique("Middle"), top);
        String bottom = createDepartment(unique("Bottom"), middle);

        // when / then
        asAdmin().body("{\"parent\": \"" + bottom + "\"}").patch("/api/v1/admin/departments/" + top).then()
                .statusCode(422).body("errors[0].pointer", equalTo("/parent")).body("errors[0].code", equalTo("DEPARTMENT_CYCLE"));
        asAdmin().body("{\"parent\": \"" + top + "\"}").patch("/api/v1/admin/departments/" + top).then()
                .statusCode(422).body("errors[0].pointer", equalTo("/parent"));
        assertThat(Db.single("SELECT parent_id::text FROM brickwork.departments WHERE id = ?", UUID.fromString(top))).isNull();
        assertThat(Db.single("SELECT version::text FROM brickwork.departments WHERE id = ?", UUID.fromString(top))).isEqualTo("1");
    }

    @Test
    void movesAndRenamesADepartmentBumpingItsVersionAndAuditingWhatChanged() {
        // given
        String old = createDepartment(unique("Old"), null);
        String moving = createDepartment(unique("Moving"), old);

        // when
        asAdmin().header("If-Match", "\"1\"").body("{\"name\": \"Moved\", \"parent\": null}")
                .patch("/api/v1/admin/departments/" + moving).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("Moved")).body("parent", nullValue()).body("version", equalTo(2));

        // then
        assertThat(Db.single("SELECT detail->>'changed' FROM brickwork.audit_log WHERE action = 'department.changed'"
                + " AND record_id = ?", UUID.fromString(moving))).isEqualTo("[\"name\", \"parent\"]");
    }

    @Test
    void refusesAChangeBasedOnAStaleVersion() {
        String id = createDepartment(unique("Stale"), null);

        asAdmin().header("If-Match", "\"7\"").body("{\"name\": \"Never\"}").patch("/api/v1/admin/departments/" + id)
                .then().statusCode(412).body("code", equalTo("STALE_VERSION"));

        assertThat(Db.single("SELECT name FROM brickwork.departments WHERE id = ?", UUID.fromString(id))).startsWith("Stale");
    }

    @Test
    void answersNotFoundForAnUnknownOrMalformedId() {
        asAdmin().body("{\"name\": \"x\"}").patch("/api/v1/admin/departments/" + UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("DEPARTMENT_NOT_FOUND"));
        asAdmin().get("/api/v1/admin/departments/not-an-id").then().statusCode(404);
    }

    @Test
    void refusesMalformedJsonWithoutWritingAnything() {
        long before = Db.count("SELECT count(*) FROM brickwork.departments");

        asAdmin().body("{\"name\": ").post("/api/v1/admin/departments").then().statusCode(400)
                .body("code", equalTo("BODY_MALFORMED"));

        assertThat(Db.count("SELECT count(*) FROM brickwork.departments")).isEqualTo(before);
    }
}
