package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brickwork.runtime.gdpr.GdprApp.create;
import static dev.brickwork.runtime.gdpr.GdprApp.gdpr;
import static dev.brickwork.runtime.gdpr.GdprApp.records;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class GdprErasureTest {

    private static final String APP = "gdpr_e";
    private static final List<String> PERSONAL = List.of("Grace Hopper", "grace@example.org", "+1 202 555 0142",
            "GH-1906-12", "Arlington", "Prefers email");
    private static boolean published;

    @BeforeEach
    void publishTheApp() {
        AsAdmin.signIn();
        if (!published) {
            GdprApp.publish(APP);
            Design.publishDefinition(APP, "member", """
                    {"schemaVersion": 1, "key": "member", "fields": [
                      {"key": "handle", "type": "text", "required": true, "unique": true}]}""");
            published = true;
        }
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void anonymisesTheRecordRedactsItsTimelineAndLeavesRelatedRecordsAlone() {
        // given: a contact changed once, and a deal pointing at it
        String grace = create(APP, "contact", """
                {"name": "Grace Hopper", "email": "grace@example.org", "phone": "+1 202 555 0142", "id_number": "GH-1906-12",
                 "notes": "Prefers email", "born_on": "1906-12-09", "score": 7,
                 "addresses": [{"street": "Arlington", "kind": "home"}]}""");
        given().body("{\"fields\": {\"notes\": \"Prefers email, mornings\"}}").patch(records(APP, "contact") + "/" + grace)
                .then().statusCode(200);
        String deal = create(APP, "deal", "{\"title\": \"COBOL\", \"contact\": \"" + grace + "\"}");

        // when
        given().post(gdpr(APP, "contact", grace, "erase")).then().statusCode(200)
                .body("erased.fields", contains("name", "email", "phone", "id_number", "notes", "addresses.street"))
                .body("related", equalTo(1));

        // then: the row is anonymised, numbers, dates and selects are kept, the version moved on
        assertThat(Db.rows("SELECT name, email, phone, id_number IS NULL, _h_id_number IS NULL, notes, born_on::text,"
                + " score::text, version::text FROM app_gdpr_e.contact WHERE id = ?::uuid", grace).get(0))
                .containsExactly("[erased]", null, null, "t", "t", null, "1906-12-09", "7", "3");
        assertThat(Db.rows("SELECT street, kind FROM app_gdpr_e.contact__addresses WHERE parent_id = ?::uuid", grace).get(0))
                .containsExactly(null, "home");
        given().get(records(APP, "contact") + "/" + grace).then().statusCode(200)
                .body("version", equalTo(3)).body("fields.name", equalTo("[erased]")).body("fields.email", nullValue())
                .body("fields.id_number", nullValue()).body("fields.born_on", equalTo("1906-12-09"));
        given().get(records(APP, "deal") + "/" + deal).then().statusCode(200)
                .body("fields.title", equalTo("COBOL")).body("fields.contact", equalTo(grace));

        // the timeline keeps who and when, not the values
        given().get(records(APP, "contact") + "/" + grace + "/timeline").then().statusCode(200)
                .body("items.action", contains("erase", "update", "create"))
                .body("items[0].changes.size()", equalTo(0))
                .body("items[2].changes.name.to", equalTo("[erased]"));
        String timeline = String.join(" ", Db.rows("SELECT diff::text FROM brickwork.record_changes WHERE record_id = ?::uuid",
                grace).stream().map(row -> row.get(0)).toList());
        assertThat(timeline).doesNotContain(PERSONAL);

        List<List<String>> audit = Db.rows("SELECT actor_name, detail::text FROM brickwork.audit_log"
                + " WHERE action = 'gdpr.erased' AND record_id = ?::uuid", grace);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get(0)).isEqualTo("admin");
        assertThat(audit.get(0).get(1)).contains("\"related\": 1").doesNotContain(PERSONAL);
    }

    @Test
    void erasingTwiceSucceedsWithNothingLeftToClear() {
        String once = create(APP, "contact", "{\"name\": \"Once\", \"email\": \"once@example.org\"}");
        given().post(gdpr(APP, "contact", once, "erase")).then().statusCode(200)
                .body("erased.fields", contains("name", "email"));

        given().post(gdpr(APP, "contact", once, "erase")).then().statusCode(200)
                .body("erased.fields", empty()).body("related", equalTo(0));

        assertThat(Db.single("SELECT version::text FROM app_gdpr_e.contact WHERE id = ?::uuid", once)).isEqualTo("2");
        assertThat(Db.count("SELECT count(*) FROM brickwork.record_changes WHERE record_id = ?::uuid AND action = 'erase'",
                once)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE record_id = ?::uuid AND action = 'gdpr.erased'",
                once)).isEqualTo(2);
    }

    @Test
    void erasesARecordInTheRecycleBin() {
        String binned = create(APP, "contact", "{\"name\": \"Binned\", \"phone\": \"+86 10 1234 5678\"}");
        given().delete(records(APP, "contact") + "/" + binned).then().statusCode(204);

        given().post(gdpr(APP, "contact", binned, "erase")).then().statusCode(200)
                .body("erased.fields", containsInAnyOrder("name", "phone"));

        assertThat(Db.rows("SELECT name, phone, deleted_at IS NOT NULL FROM app_gdpr_e.contact WHERE id = ?::uuid", binned)
                .get(0)).containsExactly("[erased]", null, "t");
    }

    @Test
    void erasedRecordsDoNotCollideOnAUniqueRequiredText() {
        String first = create(APP, "member", "{\"handle\": \"alice\"}");
        String second = create(APP, "member", "{\"handle\": \"bob\"}");

        given().post(gdpr(APP, "member", first, "erase")).then().statusCode(200);
        given().post(gdpr(APP, "member", second, "erase")).then().statusCode(200);

        assertThat(Db.single("SELECT handle FROM app_gdpr_e.member WHERE id = ?::uuid", second))
                .isEqualTo("[erased " + second + "]");
    }

    @Test
    void clearsTheValueOfAFieldSinceRemovedFromTheForm() {
        Design.publishDefinition(APP, "lead", """
                {"schemaVersion": 1, "key": "lead", "fields": [
                  {"key": "name", "type": "text"}, {"key": "email", "type": "email"}]}""");
        String lead = create(APP, "lead", "{\"name\": \"Lead\", \"email\": \"lead@example.org\"}");
        Design.publishDefinition(APP, "lead", """
                {"schemaVersion": 1, "key": "lead", "fields": [{"key": "name", "type": "text"}]}""");

        given().post(gdpr(APP, "lead", lead, "erase")).then().statusCode(200)
                .body("erased.fields", contains("name")).body("erased.setAsideColumns", equalTo(1));

        assertThat(Db.rows("SELECT name, _removed_v2_email FROM app_gdpr_e.lead WHERE id = ?::uuid", lead).get(0))
                .containsExactly(null, null);
    }
}
