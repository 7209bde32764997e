package dev.brickwork.runtime.records;

import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Duplicate rules with {@code also} (docs/spec.md §2, decision 0020): a lead is compared with contacts and customers
 * too, normalised as the rule says; blocks answer 409 naming the form, warnings name form and records; what a caller
 * may not read is never named, and a blocking match still blocks.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class CrossFormDuplicatesTest {

    private static final String APP = "xdup";
    private static final String FORMS = "/api/v1/apps/" + APP + "/forms/";
    private static Map<String, String> tokens;
    private static String contact;
    private static String customer;

    @BeforeEach
    void world() {
        RestAssured.requestSpecification = null;
        if (tokens != null) {
            return;
        }
        RestAssured.requestSpecification = People.asAdmin();
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "customer", """
                {"schemaVersion": 1, "key": "customer", "fields": [{"key": "name", "type": "text", "required": true}]}""");
        Design.publishDefinition(APP, "contact", """
                {"schemaVersion": 1, "key": "contact", "fields": [{"key": "name", "type": "text"},
                  {"key": "mobile", "type": "phone"}, {"key": "email", "type": "email"}]}""");
        Design.publishDefinition(APP, "lead", """
                {"schemaVersion": 1, "key": "lead", "fields": [{"key": "name", "type": "text"},
                  {"key": "company_name", "type": "text"}, {"key": "mobile", "type": "phone"}, {"key": "email", "type": "email"}],
                 "rules": [
                  {"type": "duplicate", "key": "same_mobile", "fields": ["mobile"], "normalize": {"mobile": "phone"},
                   "action": "block", "also": [{"form": "contact", "fields": {"mobile": "mobile"}}]},
                  {"type": "duplicate", "key": "same_email", "fields": ["email"], "normalize": {"email": "email"},
                   "action": "warn", "also": [{"form": "contact", "fields": {"email": "email"}}]},
                  {"type": "duplicate", "key": "same_company", "fields": ["company_name"], "normalize": {"company_name": "company"},
                   "action": "warn", "also": [{"form": "customer", "fields": {"company_name": "name"}}]}]}""");
        contact = People.asAdmin().body("{\"fields\": {\"name\": \"Ann\", \"mobile\": \"138-0013-8000\", \"email\": \"Ann@Example.com\"}}")
                .post(FORMS + "contact/records").then().statusCode(201).extract().path("id");
        customer = People.asAdmin().body("{\"fields\": {\"name\": \"西门子（中国）有限公司\"}}")
                .post(FORMS + "customer/records").then().statusCode(201).extract().path("id");
        RestAssured.requestSpecification = null;
        // rep: leads of their own; sees no contact (own scope, and the admin owns it) and no customer
        role("xdup_rep", perm("lead", "{\"create\": \"own\", \"read\": \"own\", \"update\": \"own\"}", "{}"),
                perm("contact", "{\"read\": \"own\"}", "{}"));
        // reader: every contact and customer, but a contact's e-mail is hidden from them
        role("xdup_reader", perm("lead", "{\"create\": \"own\", \"read\": \"own\", \"update\": \"own\"}", "{}"),
                perm("contact", "{\"read\": \"all\"}", "{\"email\": \"hidden\"}"), perm("customer", "{\"read\": \"all\"}", "{}"));
        tokens = Map.of("rep", user("rep", "xdup_rep"), "reader", user("reader", "xdup_reader"));
    }

    @Test
    void publishingTheLeadFormIndexesTheOtherFormsOnTheRulesNormalisedValues() {
        List<List<String>> indexes = Db.rows("SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'app_xdup'"
                + " AND indexname LIKE 'da\\_%' ORDER BY tablename, indexname");
        assertThat(indexes).extracting(row -> row.get(0)).containsExactly("contact", "contact", "customer");
        assertThat(indexes.get(2).get(1)).contains("brickwork.norm_company(name)").contains("deleted_at IS NULL")
                .doesNotContain("UNIQUE");
    }

    @Test
    void aLeadWhoseMobileAContactHasIsBlockedNamingTheContactAndNothingIsWritten() {
        long before = Db.count("SELECT count(*) FROM app_xdup.lead");
        People.asAdmin().body("{\"fields\": {\"name\": \"Ann again\", \"mobile\": \"+86 138 0013 8000\"}}")
                .post(FORMS + "lead/records").then().statusCode(409)
                .body("code", equalTo("DUPLICATE"))
                .body("errors[0].pointer", equalTo("/fields/mobile"))
                .body("errors[0].message", containsString("form 'contact'"))
                .body("errors[0].blockedBy[0].id", equalTo(contact));
        assertThat(Db.count("SELECT count(*) FROM app_xdup.lead")).isEqualTo(before);
    }

    @Test
    void anUpdateThatGivesALeadAContactsMobileIsBlockedToo() {
        String lead = People.asAdmin().body("{\"fields\": {\"name\": \"Bo\", \"mobile\": \"139 0000 0000\"}}")
                .post(FORMS + "lead/records").then().statusCode(201).extract().path("id");
        People.asAdmin().body("{\"fields\": {\"mobile\": \"13800138000\"}}").patch(FORMS + "lead/records/" + lead).then()
                .statusCode(409).body("errors[0].blockedBy[0].id", equalTo(contact));
        assertThat(Db.single("SELECT mobile FROM app_xdup.lead WHERE id = ?::uuid", lead)).isEqualTo("139 0000 0000");
    }

    @Test
    void aLeadWhoseContactWasMadeFromItMayStillBeEditedButNotGivenAnotherTakenMobile() {
        // given a lead, and then a contact with its mobile (as a conversion makes)
        String lead = People.asAdmin().body("{\"fields\": {\"name\": \"Eve\", \"mobile\": \"137 0000 0001\"}}")
                .post(FORMS + "lead/records").then().statusCode(201).extract().path("id");
        String made = People.asAdmin().body("{\"fields\": {\"name\": \"Eve\", \"mobile\": \"13700000001\"}}")
                .post(FORMS + "contact/records").then().statusCode(201).extract().path("id");
        // when the lead is edited, sending its unchanged mobile along, the rule it passed is not checked again
        People.asAdmin().body("{\"fields\": {\"name\": \"Eve (converted)\", \"mobile\": \"137 0000 0001\"}}")
                .patch(FORMS + "lead/records/" + lead).then().statusCode(200);
        // but changing the mobile is checked, against the contact made from it as well
        People.asAdmin().body("{\"fields\": {\"mobile\": \"+86 137-0000-0001\"}}").patch(FORMS + "lead/records/" + lead)
                .then().statusCode(409).body("errors[0].blockedBy[0].id", equalTo(made));
        assertThat(Db.single("SELECT name FROM app_xdup.lead WHERE id = ?::uuid", lead)).isEqualTo("Eve (converted)");
    }

    @Test
    void warningsNameTheFormAndTheRecordsOfEveryFormTheyMatch() {
        People.asAdmin().body("{\"fields\": {\"name\": \"Cy\", \"email\": \"ANN@example.COM\", \"company_name\": \"西门子有限公司\"}}")
                .post(FORMS + "lead/records").then().statusCode(201)
                .body("meta.duplicates.find { it.rule == 'same_email' }.form", equalTo("contact"))
                .body("meta.duplicates.find { it.rule == 'same_email' }.records", equalTo(List.of(contact)))
                .body("meta.duplicates.find { it.rule == 'same_company' }.form", equalTo("customer"))
                .body("meta.duplicates.find { it.rule == 'same_company' }.records", equalTo(List.of(customer)));
    }

    @Test
    void theDuplicatesCheckListsMatchesOfOtherFormsWithTheirFormAndWritesNothing() {
        long leads = Db.count("SELECT count(*) FROM app_xdup.lead");
        People.asAdmin().body("{\"fields\": {\"mobile\": \"0086 13800138000\", \"company_name\": \"Ｓｉｅｍｅｎｓ\"}}")
                .post(FORMS + "lead/records/duplicates").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].rule", equalTo("same_mobile"))
                .body("items[0].form", equalTo("contact"))
                .body("items[0].action", equalTo("block"))
                .body("items[0].records", equalTo(List.of(contact)));
        assertThat(Db.count("SELECT count(*) FROM app_xdup.lead")).isEqualTo(leads);
    }

    @Test
    void aContactTheCallerMayNotReadStillBlocksButIsNeverNamed() {
        as("rep").body("{\"fields\": {\"name\": \"Dee\", \"mobile\": \"13800138000\"}}").post(FORMS + "lead/records").then()
                .statusCode(409).body("errors[0].code", equalTo("DUPLICATE_BLOCKED"))
                .body("errors[0].blockedBy", equalTo(List.of()));
        as("rep").body("{\"fields\": {\"mobile\": \"13800138000\", \"email\": \"ann@example.com\", \"company_name\": \"西门子\"}}")
                .post(FORMS + "lead/records/duplicates").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].form", equalTo("contact"))
                .body("items[0].records", equalTo(List.of()));
        as("rep").body("{\"fields\": {\"name\": \"Dee\", \"email\": \"ann@example.com\", \"company_name\": \"西门子\"}}")
                .post(FORMS + "lead/records").then().statusCode(201).body("meta.duplicates", equalTo(List.of()));
    }

    @Test
    void aMatchOnAFieldHiddenFromTheCallerIsNotShownWhileOthersAre() {
        as("reader").body("{\"fields\": {\"name\": \"Eve\", \"email\": \"ann@example.com\", \"company_name\": \"西门子股份\"}}")
                .post(FORMS + "lead/records").then().statusCode(201)
                .body("meta.duplicates.rule", equalTo(List.of("same_company")))
                .body("meta.duplicates[0].records", equalTo(List.of(customer)));
    }

    @Test
    void aContactInTheRecycleBinNoLongerMatches() {
        String gone = People.asAdmin().body("{\"fields\": {\"name\": \"Gone\", \"mobile\": \"137 1111 2222\"}}")
                .post(FORMS + "contact/records").then().statusCode(201).extract().path("id");
        People.asAdmin().body("{\"fields\": {\"mobile\": \"13711112222\"}}").post(FORMS + "lead/records/duplicates").then()
                .statusCode(200).body("items[0].records", equalTo(List.of(gone)));
        People.asAdmin().delete(FORMS + "contact/records/" + gone).then().statusCode(204);
        People.asAdmin().body("{\"fields\": {\"name\": \"Fay\", \"mobile\": \"13711112222\"}}").post(FORMS + "lead/records")
                .then().statusCode(201);
    }

    private static String perm(String form, String actions, String fields) {
        return "{\"app\": \"" + APP + "\", \"form\": \"" + form + "\", \"actions\": " + actions + ", \"fields\": " + fields + "}";
    }

    private static void role(String key, String... permissions) {
        People.asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [" + String.join(", ", permissions) + "]}")
                .put("/api/v1/admin/roles/" + key).then().statusCode(200);
    }

    private static String user(String name, String role) {
        String username = People.unique(name);
        People.createUser(username, "password-" + name, "[\"" + role + "\"]", null);
        return Login.token(username, "password-" + name);
    }

    private static RequestSpecification as(String who) {
        return People.as(tokens.get(who));
    }
}
