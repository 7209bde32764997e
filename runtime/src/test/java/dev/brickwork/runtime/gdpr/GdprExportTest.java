package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.brickwork.runtime.gdpr.GdprApp.create;
import static dev.brickwork.runtime.gdpr.GdprApp.gdpr;
import static dev.brickwork.runtime.gdpr.GdprApp.records;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class GdprExportTest {

    private static final String APP = "gdpr_x";
    private static boolean published;

    @BeforeEach
    void publishTheApp() {
        AsAdmin.signIn();
        if (!published) {
            GdprApp.publish(APP);
            published = true;
        }
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void exportsTheSubjectAndEveryRecordThatReferencesItDirectlyThroughASubtableOrFromTheRecycleBin() {
        // given
        String ada = create(APP, "contact", """
                {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "+44 20 7946 0001", "id_number": "AL-1815-12",
                 "born_on": "1815-12-10", "addresses": [{"street": "12 St James's Square", "kind": "home"}]}""");
        String other = create(APP, "contact", "{\"name\": \"Charles Babbage\"}");
        String direct = create(APP, "deal", "{\"title\": \"Engine notes\", \"contact\": \"" + ada + "\"}");
        String viaSubtable = create(APP, "deal", "{\"title\": \"Difference engine\", \"contact\": \"" + other + "\","
                + " \"participants\": [{\"person\": \"" + ada + "\", \"role\": \"translator\"}]}");
        String binned = create(APP, "deal", "{\"title\": \"Old deal\", \"contact\": \"" + ada + "\"}");
        given().delete(records(APP, "deal") + "/" + binned).then().statusCode(204);
        create(APP, "deal", "{\"title\": \"Unrelated\", \"contact\": \"" + other + "\"}");

        // when
        JsonPath export = given().get(gdpr(APP, "contact", ada, "export")).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("subject.app", equalTo(APP)).body("subject.form", equalTo("contact")).body("subject.id", equalTo(ada))
                .body("subject.record.id", equalTo(ada))
                .body("subject.record.fields.name", equalTo("Ada Lovelace"))
                .body("subject.record.fields.id_number", equalTo("AL-1815-12"))
                .body("subject.record.fields.addresses[0].street", equalTo("12 St James's Square"))
                .extract().jsonPath();

        // then
        List<Map<String, Object>> related = export.getList("related");
        assertThat(related).extracting(g -> g.get("form") + "." + g.getOrDefault("subtable", "-") + "." + g.get("field"))
                .containsExactly("deal.-.contact", "deal.participants.person");
        assertThat(export.getList("related[0].records.id", String.class)).containsExactlyInAnyOrder(direct, binned);
        assertThat(export.getString("related[0].records.find { it.id == '" + binned + "' }.deletedAt")).isNotNull();
        assertThat(export.getList("related[1].records.id", String.class)).containsExactly(viaSubtable);
        assertThat(export.getString("related[1].records[0].fields.participants[0].role")).isEqualTo("translator");

        List<List<String>> audit = Db.rows("SELECT actor_name, app_key, form_key, detail::text FROM brickwork.audit_log"
                + " WHERE action = 'gdpr.exported' AND record_id = ?::uuid", ada);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).subList(0, 3)).containsExactly("admin", APP, "contact");
        assertThat(audit.get(0).get(3)).isEqualTo("{\"related\": {\"deal\": 3}}")
                .doesNotContain("Ada", "ada@", "AL-1815");
    }

    @Test
    void exportsASubjectNothingReferencesWithAnEmptyRelatedList() {
        String lone = create(APP, "contact", "{\"name\": \"Lone\"}");

        given().get(gdpr(APP, "contact", lone, "export")).then().statusCode(200)
                .body("subject.record.fields.name", equalTo("Lone")).body("related.size()", equalTo(0));
    }

    @Test
    void answers404ForAnUnknownAppFormOrRecord() {
        String known = create(APP, "contact", "{\"name\": \"Known\"}");
        for (String action : List.of("export", "erase")) {
            String method = action.equals("export") ? "GET" : "POST";
            given().request(method, gdpr("no_such_app", "contact", known, action)).then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("FORM_NOT_FOUND"));
            given().request(method, gdpr(APP, "no_such_form", known, action)).then().statusCode(404)
                    .body("code", equalTo("FORM_NOT_FOUND"));
            given().request(method, gdpr(APP, "contact", "0192f6c8-0000-7000-8000-000000000000", action)).then()
                    .statusCode(404).contentType("application/problem+json").body("code", equalTo("RECORD_NOT_FOUND"));
            given().request(method, gdpr(APP, "contact", "not-an-id", action)).then().statusCode(404)
                    .body("code", equalTo("RECORD_NOT_FOUND"));
        }
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action LIKE 'gdpr.%' AND app_key = 'no_such_app'"))
                .isZero();
    }
}
