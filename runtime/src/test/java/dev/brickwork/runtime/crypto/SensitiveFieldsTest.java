package dev.brickwork.runtime.crypto;

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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class SensitiveFieldsTest {

    private static final String RECORDS = "/api/v1/apps/sens/forms/vault/records";
    private static boolean published;

    @BeforeEach
    void publish() {
        AsAdmin.signIn();
        if (!published) {
            Design.createApp("sens").statusCode(201);
            Design.publishDefinition("sens", "vault", """
                    {"schemaVersion": 1, "key": "vault", "fields": [
                      {"key": "name", "type": "text"},
                      {"key": "account", "type": "text", "sensitive": true, "unique": true},
                      {"key": "salary", "type": "money", "sensitive": true}]}""");
            published = true;
        }
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void storesSensitiveValuesEncryptedAndShowsThemInClearToThoseWhoMayRead() {
        String id = given().body("{\"fields\": {\"name\": \"Wang\", \"account\": \"6222-0200-1111\", \"salary\": \"18000.5\"}}")
                .post(RECORDS).then().statusCode(201)
                .body("fields.account", equalTo("6222-0200-1111")).body("fields.salary", equalTo("18000.50"))
                .extract().path("id");

        List<String> stored = Db.rows("SELECT encode(account, 'escape'), pg_typeof(account)::text, _h_account IS NOT NULL"
                + " FROM app_sens.vault WHERE id = ?::uuid", id).get(0);
        assertThat(stored.get(0)).doesNotContain("6222");
        assertThat(stored.get(1)).isEqualTo("bytea");
        assertThat(stored.get(2)).isEqualTo("t");
        given().get(RECORDS + "/" + id).then().statusCode(200).body("fields.account", equalTo("6222-0200-1111"));
    }

    @Test
    void filtersSensitiveFieldsByEqualityOnlyAndKeepsThemUnique() {
        given().body("{\"fields\": {\"name\": \"Li\", \"account\": \"ACC-LI-1\"}}").post(RECORDS).then().statusCode(201);

        given().queryParam("filter", "{\"field\": \"account\", \"op\": \"eq\", \"value\": \"ACC-LI-1\"}").get(RECORDS).then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].fields.name", equalTo("Li"));
        given().queryParam("filter", "{\"field\": \"account\", \"op\": \"contains\", \"value\": \"LI\"}").get(RECORDS).then()
                .statusCode(422).body("errors[0].pointer", equalTo("/filter/op"));
        given().queryParam("sort", "account").get(RECORDS).then().statusCode(422);
        given().queryParam("q", "ACC-LI").get(RECORDS).then().statusCode(200).body("items.size()", equalTo(0));
        given().body("{\"fields\": {\"name\": \"Copy\", \"account\": \"ACC-LI-1\"}}").post(RECORDS).then().statusCode(409)
                .body("code", equalTo("NOT_UNIQUE"));
    }

    @Test
    void aKeyRotationReEncryptsOldValuesWithNothingLost() {
        FieldCipher previous = new FieldCipher(FieldCipher.decodeKey(TestDatabase.previousEncryptionKey()), List.of());
        // other classes rotate too (the timeline's part): count this test's rotations only
        long rotationsBefore = Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'encryption.rotated'");
        UUID id = UUID.randomUUID();
        Db.execute("INSERT INTO app_sens.vault (id, name, account, _h_account) VALUES (?, 'Old', ?, ?)", id,
                previous.encrypt("OLD-ACCOUNT-7"), previous.equalityHash("OLD-ACCOUNT-7"));
        given().get(RECORDS + "/" + id).then().statusCode(200).body("fields.account", equalTo("OLD-ACCOUNT-7"));

        given().post("/api/v1/admin/encryption/rotate").then().statusCode(200).body("reencrypted", greaterThanOrEqualTo(1));

        given().get(RECORDS + "/" + id).then().statusCode(200).body("fields.account", equalTo("OLD-ACCOUNT-7"));
        given().queryParam("filter", "{\"field\": \"account\", \"op\": \"eq\", \"value\": \"OLD-ACCOUNT-7\"}").get(RECORDS)
                .then().statusCode(200).body("items[0].id", equalTo(id.toString()));
        given().post("/api/v1/admin/encryption/rotate").then().statusCode(200).body("reencrypted", equalTo(0));
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'encryption.rotated'"))
                .isEqualTo(rotationsBefore + 2);
    }
}
