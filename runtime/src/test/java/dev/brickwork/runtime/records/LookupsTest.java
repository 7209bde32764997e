package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Lookup fields (docs/spec.md §2 addition) as the CRM starter uses them: a plan's ratio of its contract's amount, a
 * payment's customer looked up from its contract, and the customer's received total summed through that lookup.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class LookupsTest {

    private static final String APP = "lookups";
    private static final String BASE = "/api/v1/apps/" + APP + "/forms/";
    private static final String SCHEMA = "app_" + APP;
    private static boolean published;

    /** The published contract with its amount field replaced by the text given (or none). */
    private static final String CONTRACT_WITH = """
            {"schemaVersion": 1, "key": "contract", "fields": [
              {"key": "customer", "type": "reference", "target": "customer"}, %s
              {"key": "bank_account", "type": "text", "sensitive": true},
              {"key": "customer_name", "type": "lookup", "via": "customer", "field": "name"},
              {"key": "received_amount", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "sum",
               "field": "amount", "filter": {"field": "status", "op": "eq", "value": "confirmed"}}]}""";

    @BeforeEach
    void publishTheForms() {
        AsAdmin.signIn();
        if (published) {
            return;
        }
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "customer", """
                {"schemaVersion": 1, "key": "customer", "fields": [{"key": "name", "type": "text"}]}""");
        Design.publishDefinition(APP, "contract", """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "customer", "type": "reference", "target": "customer"},
                  {"key": "amount", "type": "money"},
                  {"key": "bank_account", "type": "text", "sensitive": true}]}""");
        Design.publishDefinition(APP, "payment", """
                {"schemaVersion": 1, "key": "payment", "fields": [
                  {"key": "contract", "type": "reference", "target": "contract", "required": true},
                  {"key": "customer", "type": "lookup", "via": "contract", "field": "customer"},
                  {"key": "amount", "type": "money"},
                  {"key": "status", "type": "select", "options": [{"value": "draft"}, {"value": "confirmed"}]}]}""");
        Design.publishDefinition(APP, "contract", """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "customer", "type": "reference", "target": "customer"},
                  {"key": "amount", "type": "money"},
                  {"key": "bank_account", "type": "text", "sensitive": true},
                  {"key": "customer_name", "type": "lookup", "via": "customer", "field": "name"},
                  {"key": "received_amount", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "sum",
                   "field": "amount", "filter": {"field": "status", "op": "eq", "value": "confirmed"}}]}""");
        Design.publishDefinition(APP, "payment_plan", """
                {"schemaVersion": 1, "key": "payment_plan", "fields": [
                  {"key": "contract", "type": "reference", "target": "contract", "required": true},
                  {"key": "planned_amount", "type": "money"},
                  {"key": "contract_amount", "type": "lookup", "via": "contract", "field": "amount"},
                  {"key": "contract_received", "type": "lookup", "via": "contract", "field": "received_amount"},
                  {"key": "planned_ratio", "type": "formula", "expression": "planned_amount / contract_amount"}],
                 "rules": [{"type": "validation", "key": "within_contract", "expression": "planned_amount <= contract_amount",
                            "field": "planned_amount", "message": "More than the contract"}]}""");
        Design.publishDefinition(APP, "customer", """
                {"schemaVersion": 1, "key": "customer", "fields": [{"key": "name", "type": "text"},
                  {"key": "received_total", "type": "rollup", "source": "payment", "via": "customer", "aggregate": "sum",
                   "field": "amount", "filter": {"field": "status", "op": "eq", "value": "confirmed"}},
                  {"key": "contracts_received", "type": "rollup", "source": "contract", "via": "customer", "aggregate": "sum",
                   "field": "received_amount"}]}""");
        published = true;
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void aPlansRatioOfItsContractsAmountFollowsTheContract() {
        String contract = create("contract", "{\"amount\": \"1000\"}").extract().path("id");
        String plan = create("payment_plan", "{\"contract\": \"" + contract + "\", \"planned_amount\": \"300\"}")
                .body("fields.contract_amount", equalTo("1000.00"))
                .body("fields.planned_ratio", equalTo("0.3")).extract().path("id");

        patch("contract", contract, "{\"amount\": \"2000\"}");

        given().get(BASE + "payment_plan/records/" + plan).then().statusCode(200)
                .body("fields.contract_amount", equalTo("2000.00"))
                .body("fields.planned_ratio", equalTo("0.15"))
                .body("version", equalTo(1));
    }

    @Test
    void aLookupSeenByAValidationRuleRefusesAPlanAboveItsContract() {
        String contract = create("contract", "{\"amount\": \"100\"}").extract().path("id");
        long plans = Db.count("SELECT count(*) FROM " + SCHEMA + ".payment_plan");

        given().body("{\"fields\": {\"contract\": \"" + contract + "\", \"planned_amount\": \"150\"}}")
                .post(BASE + "payment_plan/records").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/fields/planned_amount"));

        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".payment_plan")).isEqualTo(plans);
    }

    @Test
    void aClientCannotWriteALookupAndNothingIsWritten() {
        String contract = create("contract", "{\"amount\": \"100\"}").extract().path("id");
        long plans = Db.count("SELECT count(*) FROM " + SCHEMA + ".payment_plan");

        given().body("{\"fields\": {\"contract\": \"" + contract + "\", \"planned_amount\": \"10\", \"contract_amount\": \"5\"}}")
                .post(BASE + "payment_plan/records").then().statusCode(422)
                .body("code", equalTo("RECORD_INVALID"))
                .body("errors.pointer", equalTo(List.of("/fields/contract_amount")))
                .body("errors.code", equalTo(List.of("FIELD_READ_ONLY")));
        String plan = create("payment_plan", "{\"contract\": \"" + contract + "\", \"planned_amount\": \"10\"}").extract().path("id");
        given().body("{\"fields\": {\"contract_amount\": \"5\"}}").patch(BASE + "payment_plan/records/" + plan).then()
                .statusCode(422).body("errors[0].code", equalTo("FIELD_READ_ONLY"));

        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".payment_plan")).isEqualTo(plans + 1);
        assertThat(Db.single("SELECT contract_amount::text FROM " + SCHEMA + ".payment_plan WHERE id = ?::uuid", plan))
                .isEqualTo("100.00");
    }

    @Test
    void aPlanMovedToAnotherContractLooksUpTheOther() {
        String first = create("contract", "{\"amount\": \"100\"}").extract().path("id");
        String second = create("contract", "{\"amount\": \"400\"}").extract().path("id");
        String plan = create("payment_plan", "{\"contract\": \"" + first + "\", \"planned_amount\": \"50\"}").extract().path("id");

        given().body("{\"fields\": {\"contract\": \"" + second + "\"}}").patch(BASE + "payment_plan/records/" + plan).then()
                .statusCode(200).body("fields.contract_amount", equalTo("400.00")).body("fields.planned_ratio", equalTo("0.125"));
    }

    @Test
    void aCustomersTotalsSumThroughThePaymentsLookedUpCustomerAndTheContractsRollupAndFollowTheContractToAnotherCustomer() {
        String northwind = create("customer", "{\"name\": \"Northwind\"}").extract().path("id");
        String contoso = create("customer", "{\"name\": \"Contoso\"}").extract().path("id");
        String contract = create("contract", "{\"customer\": \"" + northwind + "\", \"amount\": \"1000\"}").extract().path("id");
        String plan = create("payment_plan", "{\"contract\": \"" + contract + "\", \"planned_amount\": \"500\"}").extract().path("id");
        String payment = create("payment", "{\"contract\": \"" + contract + "\", \"amount\": \"120\", \"status\": \"confirmed\"}")
                .body("fields.customer", equalTo(northwind)).extract().path("id");
        create("payment", "{\"contract\": \"" + contract + "\", \"amount\": \"7\", \"status\": \"draft\"}");

        assertThat(number("customer", northwind, "received_total")).isEqualByComparingTo("120");
        assertThat(number("customer", northwind, "contracts_received")).isEqualByComparingTo("120");
        assertThat(number("payment_plan", plan, "contract_received")).isEqualByComparingTo("120");

        patch("contract", contract, "{\"customer\": \"" + contoso + "\"}");
        given().get(BASE + "payment/records/" + payment).then().body("fields.customer", equalTo(contoso)).body("version", equalTo(1));
        assertThat(number("customer", northwind, "received_total")).isEqualByComparingTo("0");
        assertThat(number("customer", contoso, "received_total")).isEqualByComparingTo("120");
        given().queryParam("filter", "{\"field\": \"customer\", \"op\": \"eq\", \"value\": \"" + contoso + "\"}")
                .get(BASE + "payment/records").then().statusCode(200).body("items.size()", equalTo(2));

        assertThat(number("customer", contoso, "contracts_received")).isEqualByComparingTo("120");
        assertThat(number("customer", northwind, "contracts_received")).isEqualByComparingTo("0");

        given().delete(BASE + "payment/records/" + payment).then().statusCode(204);
        assertThat(number("customer", contoso, "received_total")).isEqualByComparingTo("0");
        assertThat(number("customer", contoso, "contracts_received")).isEqualByComparingTo("0");
        assertThat(number("payment_plan", plan, "contract_received")).isEqualByComparingTo("0");

        patch("contract", contract, "{\"customer\": null}");
        given().get(BASE + "payment_plan/records/" + plan).then().statusCode(200);
        assertThat(Db.single("SELECT count(*) FROM " + SCHEMA + ".payment WHERE contract = ?::uuid AND customer IS NULL", contract))
                .isEqualTo("2");
    }

    @Test
    void erasingAPersonClearsTheCopiesLookupsMadeOfTheirData() {
        String erin = create("customer", "{\"name\": \"Erin Example\"}").extract().path("id");
        String contract = create("contract", "{\"customer\": \"" + erin + "\", \"amount\": \"10\"}")
                .body("fields.customer_name", equalTo("Erin Example")).extract().path("id");

        given().post("/api/v1/admin/gdpr/apps/" + APP + "/forms/customer/records/" + erin + "/erase").then().statusCode(200);

        given().get(BASE + "contract/records/" + contract).then().statusCode(200).body("fields.customer_name", nullValue());
        assertThat(Db.count("SELECT count(*) FROM " + SCHEMA + ".contract WHERE customer_name LIKE '%Erin%'")).isZero();
    }

    @Test
    void aLookupIsStoredInAColumnOfTheLookedUpType() {
        assertThat(Db.rows("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = ?"
                + " AND column_name IN ('customer', 'customer_name', 'contract_amount', 'contract_received') ORDER BY 1, 2", SCHEMA))
                .containsExactly(List.of("contract", "customer", "uuid"), List.of("contract", "customer_name", "text"), List.of("payment", "customer", "uuid"),
                        List.of("payment_plan", "contract_amount", "numeric"), List.of("payment_plan", "contract_received", "numeric"));
        assertThat(Db.count("SELECT count(*) FROM pg_indexes WHERE schemaname = ? AND tablename = 'payment'"
                + " AND indexdef LIKE '%(customer, id)%'", SCHEMA)).isEqualTo(1);
    }

    @Test
    void aLookupOfASensitiveFieldOrOneThatComesBackToItselfIsRefusedWhereItIsWritten() {
        Design.saveDraft(APP, "payment", """
                {"schemaVersion": 1, "key": "payment", "fields": [
                  {"key": "contract", "type": "reference", "target": "contract", "required": true},
                  {"key": "customer", "type": "lookup", "via": "contract", "field": "customer"},
                  {"key": "amount", "type": "money"},
                  {"key": "status", "type": "select", "options": [{"value": "draft"}, {"value": "confirmed"}]},
                  {"key": "account", "type": "lookup", "via": "contract", "field": "bank_account"}]}""").statusCode(200);
        Design.publish(APP, "payment").statusCode(422)
                .body("errors.pointer", equalTo(List.of("/fields/4/field")))
                .body("errors.code", equalTo(List.of("LOOKUP_FIELD_SENSITIVE")));

        Design.saveDraft(APP, "contract", """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "customer", "type": "reference", "target": "customer"},
                  {"key": "amount", "type": "money"},
                  {"key": "bank_account", "type": "text", "sensitive": true},
                  {"key": "received_amount", "type": "rollup", "source": "payment_plan", "via": "contract",
                   "aggregate": "max", "field": "contract_received"}]}""").statusCode(200);
        Design.publish(APP, "contract").statusCode(422)
                .body("errors.pointer", equalTo(List.of("/fields/3")))
                .body("errors.code", equalTo(List.of("COMPUTED_CYCLE")));
        assertThat(Db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = ?"
                + " AND column_name = 'account'", SCHEMA)).isZero();
        assertThat(Db.single("SELECT data_type FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = 'contract' AND column_name = 'received_amount'", SCHEMA)).isEqualTo("numeric");
    }

    @Test
    void aLookedUpFieldCannotBeRetypedOrRemovedWhileAnotherFormLooksItUp() {
        String retyped = CONTRACT_WITH.formatted("{\"key\": \"amount\", \"type\": \"text\"},");
        Design.saveDraft(APP, "contract", retyped).statusCode(200)
                .body("problems.pointer", equalTo(List.of("/fields/1")))
                .body("problems.code", equalTo(List.of("LOOKED_UP_FIELD_CHANGED")));
        Design.publish(APP, "contract").statusCode(422).body("code", equalTo("DEFINITION_INVALID"))
                .body("errors.pointer", equalTo(List.of("/fields/1")));

        Design.saveDraft(APP, "contract", CONTRACT_WITH.formatted("")).statusCode(200);
        Design.publish(APP, "contract").statusCode(422)
                .body("errors.pointer", equalTo(List.of("/fields")))
                .body("errors.code", equalTo(List.of("LOOKED_UP_FIELD_CHANGED")));

        assertThat(Db.single("SELECT data_type FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = 'contract' AND column_name = 'amount'", SCHEMA)).isEqualTo("numeric");
        Design.saveDraft(APP, "contract", CONTRACT_WITH.formatted("{\"key\": \"amount\", \"type\": \"money\", \"min\": 0},"))
                .statusCode(200).body("problems", equalTo(List.of()));
    }

    private static ValidatableResponse create(String form, String fields) {
        return given().body("{\"fields\": " + fields + "}").post(BASE + form + "/records").then().statusCode(201);
    }

    private static void patch(String form, String id, String fields) {
        given().body("{\"fields\": " + fields + "}").patch(BASE + form + "/records/" + id).then().statusCode(200);
    }

    private static BigDecimal number(String form, String id, String field) {
        JsonPath record = given().get(BASE + form + "/records/" + id).then().statusCode(200).extract().jsonPath();
        return new BigDecimal(record.getString("fields." + field));
    }
}
