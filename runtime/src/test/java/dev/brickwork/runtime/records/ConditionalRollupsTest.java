package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Roll-ups with a filter (docs/spec.md §2 addition): a contract's received amount counts confirmed payments only. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ConditionalRollupsTest {

    private static final String APP = "cond_rollups";
    private static final String BASE = "/api/v1/apps/" + APP + "/forms/";
    private static boolean published;

    @BeforeEach
    void publishTheForms() {
        AsAdmin.signIn();
        if (published) {
            return;
        }
        Design.createApp(APP).statusCode(201);
        Design.publishDefinition(APP, "contract", """
                {"schemaVersion": 1, "key": "contract", "fields": [{"key": "amount", "type": "money"}]}""");
        Design.publishDefinition(APP, "payment", """
                {"schemaVersion": 1, "key": "payment", "fields": [
                  {"key": "contract", "type": "reference", "target": "contract", "required": true},
                  {"key": "type", "type": "select", "options": [{"value": "receipt"}, {"value": "refund"}], "default": "receipt"},
                  {"key": "amount", "type": "money"},
                  {"key": "signed_amount", "type": "formula", "expression": "IF(type = 'refund', -amount, amount)"},
                  {"key": "status", "type": "select", "default": "draft",
                   "options": [{"value": "draft"}, {"value": "confirmed"}, {"value": "void"}]}]}""");
        Design.publishDefinition(APP, "contract", """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "amount", "type": "money"},
                  {"key": "received_amount", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "sum",
                   "field": "signed_amount", "filter": {"field": "status", "op": "eq", "value": "confirmed"}},
                  {"key": "confirmed_count", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "count",
                   "filter": {"and": [{"field": "status", "op": "in", "value": ["confirmed"]},
                                      {"field": "type", "op": "ne", "value": "refund"}]}},
                  {"key": "unreceived_amount", "type": "formula", "expression": "amount - received_amount"}]}""");
        published = true;
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void aContractsReceivedAmountSumsOnlyConfirmedPaymentsThroughEveryChangeOfThem() {
        String contract = create("contract", "{\"amount\": \"1000\"}").extract().path("id");
        String first = payment(contract, "300", "draft");
        assertContract(contract, "0.00", 0, "1000.00");

        patch(first, "{\"status\": \"confirmed\"}");
        assertContract(contract, "300.00", 1, "700.00");

        String second = payment(contract, "200", "confirmed");
        payment(contract, "999", "draft");
        String refund = create("payment", "{\"contract\": \"" + contract + "\", \"type\": \"refund\", \"amount\": \"50\","
                + " \"status\": \"confirmed\"}").extract().path("id");
        assertContract(contract, "450.00", 2, "550.00");

        patch(first, "{\"status\": \"void\"}");
        assertContract(contract, "150.00", 1, "850.00");

        given().delete(BASE + "payment/records/" + second).then().statusCode(204);
        assertContract(contract, "-50.00", 0, "1050.00");

        given().post(BASE + "payment/records/" + second + "/restore").then().statusCode(200);
        assertContract(contract, "150.00", 1, "850.00");

        patch(refund, "{\"amount\": \"20\"}");
        assertContract(contract, "180.00", 1, "820.00");
    }

    @Test
    void aPaymentMovedToAnotherContractLeavesTheFirstAndCountsForTheSecond() {
        String from = create("contract", "{\"amount\": \"100\"}").extract().path("id");
        String to = create("contract", "{\"amount\": \"100\"}").extract().path("id");
        String payment = payment(from, "40", "confirmed");
        assertContract(from, "40.00", 1, "60.00");

        patch(payment, "{\"contract\": \"" + to + "\"}");
        assertContract(from, "0.00", 0, "100.00");
        assertContract(to, "40.00", 1, "60.00");
    }

    @Test
    void aRollupFilterThatDoesNotFitTheSourceFormIsRefusedAtItsPointerAndNothingIsPublished() {
        String draft = """
                {"schemaVersion": 1, "key": "contract", "fields": [
                  {"key": "amount", "type": "money"},
                  {"key": "voided", "type": "rollup", "source": "payment", "via": "contract", "aggregate": "count",
                   "filter": {"or": [{"field": "status", "op": "eq", "value": "cancelled"}, {"field": "stage", "op": "eq", "value": "x"},
                                     {"field": "amount", "op": "contains", "value": "1"}]}}]}""";
        Design.saveDraft(APP, "contract", draft).statusCode(200);
        long columns = Db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'app_" + APP
                + "' AND table_name = 'contract'");

        Design.publish(APP, "contract").statusCode(422)
                .body("code", equalTo("DEFINITION_INVALID"))
                .body("errors.pointer", equalTo(java.util.List.of("/fields/1/filter/or/0/value", "/fields/1/filter/or/1/field",
                        "/fields/1/filter/or/2/op")))
                .body("errors.code", equalTo(java.util.List.of("FILTER_VALUE_INVALID", "FILTER_FIELD_UNKNOWN",
                        "FILTER_OP_UNSUPPORTED")));

        assertThat(Db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'app_" + APP
                + "' AND table_name = 'contract'")).isEqualTo(columns);
        assertThat(Db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'app_" + APP
                + "' AND column_name = 'voided'")).isZero();
    }

    private static String payment(String contract, String amount, String status) {
        return create("payment", "{\"contract\": \"" + contract + "\", \"amount\": \"" + amount + "\", \"status\": \"" + status
                + "\"}").extract().path("id");
    }

    private static void patch(String payment, String fields) {
        given().body("{\"fields\": " + fields + "}").patch(BASE + "payment/records/" + payment).then().statusCode(200);
    }

    private static ValidatableResponse create(String form, String fields) {
        return given().body("{\"fields\": " + fields + "}").post(BASE + form + "/records").then().statusCode(201);
    }

    /** Compared as numbers: a sum over a formula keeps the formula's decimals (money fields show two). */
    private static void assertContract(String contract, String received, int confirmed, String unreceived) {
        io.restassured.path.json.JsonPath fields = given().get(BASE + "contract/records/" + contract).then().statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(fields.getString("fields.received_amount"))).isEqualByComparingTo(received);
        assertThat(new BigDecimal(fields.getString("fields.confirmed_count"))).isEqualByComparingTo(String.valueOf(confirmed));
        assertThat(new BigDecimal(fields.getString("fields.unreceived_amount"))).isEqualByComparingTo(unreceived);
    }
}
