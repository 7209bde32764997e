package dev.brickwork.runtime.records;

import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * A server without {@code BRICKWORK_ENCRYPTION_KEY} (README's first command sets none) works on forms without
 * sensitive fields, including duplicate rules that reach other forms: the first start's sample leads failed there
 * ("This form has sensitive fields, but no … key") because the other form's table demanded a cipher it never uses.
 */
@QuarkusTest
@WithTestResource(WithoutAnEncryptionKeyTest.NoKey.class)
class WithoutAnEncryptionKeyTest {

    /** The test database, with no encryption key configured. */
    public static class NoKey extends TestDatabase {
        @Override
        public Map<String, String> start() {
            Map<String, String> properties = new java.util.HashMap<>(super.start());
            properties.put("brickwork.encryption.key", "");
            properties.put("brickwork.encryption.previous-keys", "");
            return properties;
        }
    }

    @Test
    void aDuplicateRuleReachingAnotherFormNeedsNoKey() {
        String app = "nokey";
        RestAssured.requestSpecification = People.asAdmin();
        Design.createApp(app).statusCode(201);
        Design.publishDefinition(app, "contact", """
                {"schemaVersion": 1, "key": "contact", "fields": [{"key": "mobile", "type": "phone"}]}""");
        Design.publishDefinition(app, "lead", """
                {"schemaVersion": 1, "key": "lead", "fields": [{"key": "mobile", "type": "phone"}],
                 "rules": [{"type": "duplicate", "key": "same_mobile", "fields": ["mobile"], "normalize": {"mobile": "phone"},
                   "action": "block", "also": [{"form": "contact", "fields": {"mobile": "mobile"}}]}]}""");
        RestAssured.requestSpecification = null;
        String forms = "/api/v1/apps/" + app + "/forms/";
        People.asAdmin().body("{\"fields\": {\"mobile\": \"13800138000\"}}").post(forms + "contact/records").then().statusCode(201);

        People.asAdmin().body("{\"fields\": {\"mobile\": \"13900139000\"}}").post(forms + "lead/records").then().statusCode(201);
        People.asAdmin().body("{\"fields\": {\"mobile\": \"+86 138 0013 8000\"}}").post(forms + "lead/records").then()
                .statusCode(409).body("code", equalTo("DUPLICATE"));
    }
}
