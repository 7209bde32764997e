package dev.brickwork.runtime.records;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.FixedClock;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.Fixtures;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(TestDatabase.class)
class RecordsApiTest {

    private static final String APP = "rec_api";
    private static final String BASE = "/api/v1/apps/" + APP + "/forms/";
    private static boolean published;

    @BeforeEach
    void publishTheForms() {
        AsAdmin.signIn();
        if (!published) {
            Design.createApp(APP).statusCode(201);
            Design.publishDefinition(APP, "customer", Fixtures.form("customer.v1"));
            Design.publishDefinition(APP, "contract", Fixtures.form("contract.v1"));
            Design.publishDefinition(APP, "payment_plan", Fixtures.form("payment_plan.v1"));
            Design.publishDefinition(APP, "contract", Fixtures.form("contract.v2"));
            published = true;
        }
    }

    @AfterEach
    void signOut() {
        AsAdmin.signOut();
    }

    @Test
    void createsReadsAndUpdatesARecordWithVersionsAndIfMatch() {
        String id = create("customer", "{\"fields\": {\"name\": \"Northwind 贸易\", \"credit\": \"1234.5\", \"since\": \"2026-01-31\","
                + " \"tags\": [\"vip\"], \"score\": 7}}")
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", containsString("/records/"))
                .body("version", equalTo(1))
                .body("fields.name", equalTo("Northwind 贸易"))
                .body("fields.credit", equalTo("1234.50"))
                .body("fields.since", equalTo("2026-01-31"))
                .body("fields.tags", equalTo(List.of("vip")))
                .body("fields.score", equalTo(7))
                .body("owner", equalTo(given().get("/api/v1/me").then().extract().path("id")))
                .extract().path("id");

        given().get(BASE + "customer/records/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("fields.name", equalTo("Northwind 贸易"));

        given().header("If-Match", "\"1\"").body("{\"fields\": {\"credit\": \"99.99\", \"score\": null}}")
                .patch(BASE + "customer/records/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("fields.credit", equalTo("99.99")).body("fields.score", nullValue())
                .body("fields.name", equalTo("Northwind 贸易"));

        given().header("If-Match", "\"1\"").body("{\"fields\": {\"credit\": \"1.00\"}}")
                .patch(BASE + "customer/records/" + id).then().statusCode(412).body("code", equalTo("RECORD_STALE"));
        assertThat(Db.rows("SELECT version::text, credit::text FROM app_rec_api.customer WHERE id = ?::uuid", id))
                .containsExactly(List.of("2", "99.99"));
    }

    @Test
    void ifMatchComparesVersionsAsNumbersPastTheSmallIntegerCache() {
        String id = customer("Many Versions");
        for (int version = 1; version < 130; version++) {
            given().header("If-Match", "\"" + version + "\"").body("{\"fields\": {\"score\": " + version + "}}")
                    .patch(BASE + "customer/records/" + id).then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
        }

        given().header("If-Match", "\"129\"").body("{\"fields\": {\"score\": 0}}").patch(BASE + "customer/records/" + id)
                .then().statusCode(412);
        given().header("If-Match", "\"130\"").delete(BASE + "customer/records/" + id).then().statusCode(204);
    }

    @Test
    void refusesInvalidRecordsWithEveryErrorLocatedAndWritesNothing() {
        long before = Db.count("SELECT count(*) FROM app_rec_api.customer");

        create("customer", "{\"fields\": {\"credit\": \"abc\", \"colour\": \"red\", \"email\": \"not-an-email\","
                + " \"level\": \"z\", \"since\": \"31/01/2026\"}}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("RECORD_INVALID"))
                .body("errors.pointer", hasItems("/fields/name", "/fields/credit", "/fields/colour", "/fields/email",
                        "/fields/level", "/fields/since"))
                .body(not(containsString("not-an-email")));
        create("customer", "{\"fields\": {\"name\": \"x\"}, \"owner\": \"me\"}").statusCode(422)
                .body("errors[0].pointer", equalTo("/owner"));
        given().body("{\"fields\": {\"name\": ").post(BASE + "customer/records").then().statusCode(400)
                .body("code", equalTo("BODY_MALFORMED"));

        assertThat(Db.count("SELECT count(*) FROM app_rec_api.customer")).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstRecord() {
        String first = given().header("Idempotency-Key", "retry-1").body("{\"fields\": {\"name\": \"Retry Ltd\"}}")
                .post(BASE + "customer/records").then().statusCode(201).extract().path("id");
        String second = given().header("Idempotency-Key", "retry-1").body("{\"fields\": {\"name\": \"Retry Ltd\"}}")
                .post(BASE + "customer/records").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(Db.count("SELECT count(*) FROM app_rec_api.customer WHERE name = 'Retry Ltd'")).isOne();
    }

    @Test
    void aBlockingDuplicateRuleRefusesAndAWarningOneReports() {
        create("customer", "{\"fields\": {\"name\": \"Acme Co., Ltd.\", \"phone\": \"+86 138 0000 0001\"}}").statusCode(201);
        long before = Db.count("SELECT count(*) FROM app_rec_api.customer");

        create("customer", "{\"fields\": {\"name\": \"ＡＣＭＥ Inc\"}}").statusCode(409)
                .body("code", equalTo("DUPLICATE"))
                .body("errors[0].code", equalTo("DUPLICATE_BLOCKED"))
                .body("errors[0].message", containsString("same_name"));
        assertThat(Db.count("SELECT count(*) FROM app_rec_api.customer")).isEqualTo(before);

        create("customer", "{\"fields\": {\"name\": \"Other Trading\", \"phone\": \"138-0000-0001\"}}").statusCode(201)
                .body("meta.duplicates[0].rule", equalTo("same_phone"));
        given().body("{\"fields\": {\"name\": \"acme\", \"phone\": \"13800000001\"}}")
                .post(BASE + "customer/records/duplicates").then().statusCode(200)
                .body("items.rule", hasItems("same_name", "same_phone"));
    }

    @Test
    void aUniqueValueTakenIsAConflict() {
        create("customer", "{\"fields\": {\"name\": \"Mail One\", \"email\": \"one@example.com\"}}").statusCode(201);
        create("customer", "{\"fields\": {\"name\": \"Mail Two\", \"email\": \"one@example.com\"}}").statusCode(409)
                .body("code", equalTo("NOT_UNIQUE")).body("errors[0].pointer", equalTo("/fields/email"));
    }

    @Test
    void computesFormulasOverSubtablesAndPatchesRowsInOneRequest() {
        String customer = customer("Lines Customer");
        ValidatableResponse created = create("contract", "{\"fields\": {\"title\": \"Big deal\", \"customer\": \"" + customer
                + "\", \"amount\": \"1000\", \"lines\": [{\"product\": \"A\", \"qty\": 3, \"price\": \"19.99\"},"
                + " {\"product\": \"B\", \"qty\": 1, \"price\": \"0.03\"}]}}").statusCode(201)
                .body("fields.lines[0].line_total", equalTo("59.97"))
                .body("fields.total", equalTo("60.00"))
                .body("fields.code", containsString("CT-" + FixedClock.year() + "-"))
                .body("fields.stage", equalTo("draft"));
        String id = created.extract().path("id");
        String keep = created.extract().path("fields.lines[0].id");

        given().body("{\"fields\": {\"lines\": [{\"id\": \"" + keep + "\", \"qty\": 10}, {\"product\": \"C\", \"qty\": 2, \"price\": \"5\"}]}}")
                .patch(BASE + "contract/records/" + id).then().statusCode(200)
                .body("fields.lines.size()", equalTo(2))
                .body("fields.lines[0].id", equalTo(keep))
                .body("fields.lines[0].line_total", equalTo("199.90"))
                .body("fields.lines[1].product", equalTo("C"))
                .body("fields.total", equalTo("209.90"));

        given().body("{\"fields\": {\"lines\": [{\"id\": \"00000000-0000-7000-8000-000000000000\", \"qty\": 1}]}}")
                .patch(BASE + "contract/records/" + id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/fields/lines/0/id"));
        given().body("{\"fields\": {\"total\": \"1\"}}").patch(BASE + "contract/records/" + id).then().statusCode(422)
                .body("errors[0].code", equalTo("FIELD_READ_ONLY"));
        given().body("{\"fields\": {\"amount\": \"1\"}}").patch(BASE + "contract/records/" + id).then().statusCode(422)
                .body("errors[0].code", equalTo("RULE_FAILED"));
        assertThat(Db.count("SELECT count(*) FROM app_rec_api.contract__lines WHERE parent_id = ?::uuid", id)).isEqualTo(2);
    }

    @Test
    void aReferenceToNothingIsRefused() {
        long before = Db.count("SELECT count(*) FROM app_rec_api.contract");
        create("contract", "{\"fields\": {\"title\": \"Orphan\", \"customer\": \"00000000-0000-7000-8000-000000000009\"}}")
                .statusCode(422).body("errors[0].pointer", equalTo("/fields/customer"))
                .body("errors[0].code", equalTo("FIELD_REFERENCE_UNKNOWN"));
        assertThat(Db.count("SELECT count(*) FROM app_rec_api.contract")).isEqualTo(before);
    }

    @Test
    void anEditLeavesAReferenceItDoesNotTouchAloneButCannotPointAtADeletedRecord() {
        // given: a contract whose customer went to the recycle bin afterwards
        String gone = customer("Gone Customer");
        String contract = create("contract", "{\"fields\": {\"title\": \"Kept\", \"customer\": \"" + gone + "\"}}")
                .statusCode(201).extract().path("id");
        given().delete(BASE + "customer/records/" + gone).then().statusCode(204);

        // when / then: editing something else still works, the old reference stays as it was
        given().body("{\"fields\": {\"title\": \"Kept, renamed\"}}").patch(BASE + "contract/records/" + contract)
                .then().statusCode(200).body("fields.customer", equalTo(gone));

        // when / then: pointing a record at a deleted one is refused
        String other = create("contract", "{\"fields\": {\"title\": \"Other\", \"customer\": \"" + customer("Live Customer")
                + "\"}}").statusCode(201).extract().path("id");
        given().body("{\"fields\": {\"customer\": \"" + gone + "\"}}").patch(BASE + "contract/records/" + other)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/fields/customer"))
                .body("errors[0].code", equalTo("FIELD_REFERENCE_UNKNOWN"));
    }

    @Test
    void aSubtableRowKeepsAUserItHeldButNoRowTakesOnADisabledOne() {
        // given: a visit whose only stop is by a user disabled afterwards
        Design.publishDefinition(APP, "visit", "{\"schemaVersion\": 1, \"key\": \"visit\", \"label\": {\"en\": \"Visit\"},"
                + " \"fields\": [{\"key\": \"title\", \"type\": \"text\"}, {\"key\": \"stops\", \"type\": \"subtable\","
                + " \"fields\": [{\"key\": \"place\", \"type\": \"text\"}, {\"key\": \"by\", \"type\": \"user\"}]}]}");
        String leaver = dev.brickwork.runtime.admin.People.createUser(dev.brickwork.runtime.admin.People.unique("leaver"),
                "leaver-pass-1", "[]", null);
        String visit = create("visit", "{\"fields\": {\"title\": \"Round\", \"stops\": [{\"place\": \"A\", \"by\": \""
                + leaver + "\"}]}}").statusCode(201).extract().path("id");
        String stop = given().get(BASE + "visit/records/" + visit).then().statusCode(200).extract().path("fields.stops[0].id");
        dev.brickwork.runtime.admin.People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + leaver)
                .then().statusCode(200);

        // when / then: the row that held the user keeps it through an edit
        given().body("{\"fields\": {\"stops\": [{\"id\": \"" + stop + "\", \"place\": \"A2\"}]}}")
                .patch(BASE + "visit/records/" + visit).then().statusCode(200).body("fields.stops[0].by", equalTo(leaver));

        // when / then: a new row may not name the disabled user, even though another row holds it
        given().body("{\"fields\": {\"stops\": [{\"id\": \"" + stop + "\"}, {\"place\": \"B\", \"by\": \"" + leaver + "\"}]}}")
                .patch(BASE + "visit/records/" + visit).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/fields/stops/1/by"))
                .body("errors[0].code", equalTo("FIELD_REFERENCE_UNKNOWN"));
    }

    @Test
    void rollupsFollowTheirSourcesThroughCreateUpdateDeleteAndRestore() {
        String contract = create("contract", "{\"fields\": {\"title\": \"Rolled\", \"customer\": \"" + customer("Roll Customer")
                + "\", \"amount\": \"500\"}}").statusCode(201).body("fields.received", equalTo("0.00")).extract().path("id");
        String plan = create("payment_plan", "{\"fields\": {\"contract\": \"" + contract + "\", \"due_on\": \"2026-12-01\","
                + " \"received_amount\": \"100\"}}").statusCode(201).extract().path("id");
        create("payment_plan", "{\"fields\": {\"contract\": \"" + contract + "\", \"due_on\": \"2027-01-01\","
                + " \"received_amount\": \"20.50\"}}").statusCode(201);
        assertThat(received(contract)).isEqualTo("120.50");

        given().body("{\"fields\": {\"received_amount\": \"150\"}}").patch(BASE + "payment_plan/records/" + plan).then().statusCode(200);
        assertThat(received(contract)).isEqualTo("170.50");

        given().delete(BASE + "payment_plan/records/" + plan).then().statusCode(204);
        assertThat(received(contract)).isEqualTo("20.50");
        given().get(BASE + "payment_plan/records/" + plan).then().statusCode(404);

        given().post(BASE + "payment_plan/records/" + plan + "/restore").then().statusCode(200);
        assertThat(received(contract)).isEqualTo("170.50");
    }

    @Test
    void formulasThatReadARollupFollowItsSources() {
        Design.publishDefinition(APP, "account", """
                {"schemaVersion": 1, "key": "account", "fields": [{"key": "amount", "type": "money"}]}""");
        Design.publishDefinition(APP, "payment", """
                {"schemaVersion": 1, "key": "payment", "fields": [
                  {"key": "account", "type": "reference", "target": "account", "required": true},
                  {"key": "paid", "type": "money"}]}""");
        Design.publishDefinition(APP, "account", """
                {"schemaVersion": 1, "key": "account", "fields": [
                  {"key": "amount", "type": "money"},
                  {"key": "received", "type": "rollup", "source": "payment", "via": "account", "aggregate": "sum", "field": "paid"},
                  {"key": "outstanding", "type": "formula", "expression": "amount - received"}]}""");

        String account = create("account", "{\"fields\": {\"amount\": \"100\"}}").statusCode(201)
                .body("fields.received", equalTo("0.00")).body("fields.outstanding", equalTo("100.00")).extract().path("id");
        String payment = create("payment", "{\"fields\": {\"account\": \"" + account + "\", \"paid\": \"30\"}}")
                .statusCode(201).extract().path("id");
        given().get(BASE + "account/records/" + account).then().statusCode(200)
                .body("fields.received", equalTo("30.00")).body("fields.outstanding", equalTo("70.00")).body("version", equalTo(1));

        given().delete(BASE + "payment/records/" + payment).then().statusCode(204);
        given().get(BASE + "account/records/" + account).then().statusCode(200).body("fields.outstanding", equalTo("100.00"));
    }

    @Test
    void theTimelineListsEveryChangeWithItsDiffNewestFirst() {
        String id = customer("Timeline Co");
        given().body("{\"fields\": {\"credit\": \"10\"}}").patch(BASE + "customer/records/" + id).then().statusCode(200);
        given().delete(BASE + "customer/records/" + id).then().statusCode(204);
        given().post(BASE + "customer/records/" + id + "/restore").then().statusCode(200).body("version", equalTo(4));

        given().get(BASE + "customer/records/" + id + "/timeline").then().statusCode(200)
                .body("items.action", equalTo(List.of("restore", "delete", "update", "create")))
                .body("items[2].changes.credit.from", nullValue())
                .body("items[2].changes.credit.to", equalTo("10.00"))
                .body("items[3].changes.name.to", equalTo("Timeline Co"))
                .body("items[0].by", equalTo(given().get("/api/v1/me").then().extract().path("id")));
    }

    @Test
    void concurrentCreatesGetDistinctAutoNumbersWithoutGaps() {
        String customer = customer("Numbers Customer");
        Design.publishDefinition(APP, "ticket", """
                {"schemaVersion": 1, "key": "ticket", "fields": [
                  {"key": "number", "type": "autonumber", "pattern": "T-{seq:4}"}, {"key": "subject", "type": "text"}]}""");
        var spec = io.restassured.RestAssured.requestSpecification;
        List<CompletableFuture<String>> creates = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                given().spec(spec).body("{\"fields\": {\"subject\": \"s" + i + "\"}}").post(BASE + "ticket/records")
                        .then().statusCode(201).extract().<String>path("fields.number"))).toList();

        List<String> numbers = creates.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).mapToObj(i -> String.format("T-%04d", i)).toList());
        assertThat(customer).isNotBlank();
    }

    @Test
    void everyWriteAndPublishIsAuditedWithSensitiveValuesMasked() {
        String id = create("contract", "{\"fields\": {\"title\": \"Audited\", \"customer\": \"" + customer("Audit Customer")
                + "\", \"stage\": \"signed\", \"bank_account\": \"6222-0000-1111\"}}").statusCode(201).extract().path("id");
        given().body("{\"fields\": {\"bank_account\": \"6222-9999-0000\"}}").patch(BASE + "contract/records/" + id)
                .then().statusCode(200);

        List<List<String>> entries = Db.rows("SELECT action, detail::text FROM brickwork.audit_log WHERE record_id = ?::uuid"
                + " ORDER BY at", id);
        assertThat(entries).extracting(row -> row.get(0)).containsExactly("record.created", "record.updated");
        assertThat(entries).allSatisfy(row -> assertThat(row.get(1)).contains("\"bank_account\"").contains("***")
                .doesNotContain("6222"));
        assertThat(Db.count("SELECT count(*) FROM brickwork.audit_log WHERE action = 'form.published' AND app_key = ?"
                + " AND form_key IN ('customer', 'contract', 'payment_plan')", APP)).isEqualTo(4);
    }

    @Test
    void unknownFormsAndRecordsAre404() {
        given().get(BASE + "nothing/records/00000000-0000-7000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("FORM_NOT_FOUND"));
        given().get(BASE + "customer/records/00000000-0000-7000-8000-000000000000").then().statusCode(404)
                .body("code", equalTo("RECORD_NOT_FOUND"));
        given().get(BASE + "customer/records/not-a-uuid").then().statusCode(404);
    }

    private static ValidatableResponse create(String form, String body) {
        return given().body(body).post(BASE + form + "/records").then();
    }

    private static String customer(String name) {
        return create("customer", "{\"fields\": {\"name\": \"" + name + "\"}}").statusCode(201).extract().path("id");
    }

    private static String received(String contract) {
        return given().get(BASE + "contract/records/" + contract).then().statusCode(200).extract().path("fields.received");
    }
}
