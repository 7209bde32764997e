package dev.brickwork.runtime.audit;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A purge of set-aside storage is audited in its own transaction, and records stay readable and writable after it. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class SetAsidePurgeAuditTest {

    private static final String APP = "aside_audit";
    private static final String RECORDS = "/api/v1/apps/" + APP + "/forms/deal/records";

    @BeforeEach
    void signIn() {
        AsAdmin.signIn();
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void aPurgeIsAuditedWithWhoAndWhatAndRecordsKeepWorking() {
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "deal", """
                {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"}, {"key": "code", "type": "text"},
                  {"key": "lines", "type": "subtable", "fields": [{"key": "sku", "type": "text"}]}]}""");
        String id = given().body("{\"fields\": {\"name\": \"a\", \"code\": \"c\", \"lines\": [{\"sku\": \"s\"}]}}").post(RECORDS)
                .then().statusCode(201).extract().path("id");
        Design.publishDefinition(APP, "deal", """
                {"schemaVersion": 1, "key": "deal", "fields": [{"key": "name", "type": "text"}]}""");
        for (int i = 0; i < 10; i++) {
            given().get(RECORDS + "/" + id).then().statusCode(200);
            given().get(RECORDS).then().statusCode(200);
        }

        given().body("{\"all\": true}").post("/api/v1/design/apps/" + APP + "/forms/deal/set-aside/purge").then()
                .statusCode(200);

        List<List<String>> audit = Db.rows("SELECT actor_name, form_key, detail::text FROM brickwork.audit_log"
                + " WHERE action = 'form.set_aside_purged' AND app_key = ?", APP);
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("admin");
            assertThat(row.get(1)).isEqualTo("deal");
            assertThat(row.get(2)).contains("deal._removed_v2_code").contains("_removed_v2_deal__lines");
        });
        for (int i = 0; i < 10; i++) {
            given().get(RECORDS + "/" + id).then().statusCode(200).body("fields.name", equalTo("a"));
            given().get(RECORDS).then().statusCode(200);
        }
        given().body("{\"fields\": {\"name\": \"b\"}}").patch(RECORDS + "/" + id).then().statusCode(200)
                .body("fields.name", equalTo("b"));
    }
}
