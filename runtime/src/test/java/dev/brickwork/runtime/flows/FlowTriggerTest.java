package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Flows that start by themselves: a customer created with a large credit line needs the manager's approval (trigger
 * {@code create} with a condition), and a contract raised above 500,000 goes back to the manager (trigger
 * {@code update}, started when the condition turns true, not on every later edit).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class FlowTriggerTest {

    private static final String CREDIT_CHECK = """
            {"schemaVersion": 1, "key": "credit_check", "form": "customer",
             "trigger": {"on": "create", "when": "credit > 1000000"},
             "nodes": [{"type": "approval", "key": "manager", "approvers": [{"managerOf": "owner"}], "mode": "any"}]}
            """;
    private static final String RAISE_REVIEW = """
            {"schemaVersion": 1, "key": "raise_review", "form": "contract",
             "trigger": {"on": "update", "when": "amount > 500000"},
             "nodes": [{"type": "approval", "key": "manager", "approvers": [{"managerOf": "owner"}], "mode": "any"}],
             "onRejected": {"set": {"stage": "draft"}}}
            """;

    private static final String BIG_CONTRACT_NEWS = """
            {"schemaVersion": 1, "key": "big_contract_news", "form": "contract",
             "trigger": {"on": "create", "when": "amount > 900000"},
             "nodes": [{"type": "notify", "to": [{"field": "owner"}],
                        "message": "New big contract {title}, account {bank_account}"}]}
            """;

    private static ApprovalWorld world;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_triggers");
            world.publishFlow("credit_check", CREDIT_CHECK);
            world.publishFlow("raise_review", RAISE_REVIEW);
            world.publishFlow("big_contract_news", BIG_CONTRACT_NEWS);
        }
    }

    private String customer(io.restassured.specification.RequestSpecification caller, String credit) {
        return caller.body("{\"fields\": {\"name\": \"" + People.unique("Globex") + "\", \"credit\": \"" + credit + "\"}}")
                .post(world.base + "customer/records").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCustomerCreatedWithALargeCreditLineWaitsForTheManager() {
        // when
        String id = as(world.rep).body("{\"fields\": {\"name\": \"" + People.unique("Initech") + "\", \"credit\": \"2000000\"}}")
                .post(world.base + "customer/records").then().statusCode(201)
                .body("approval", equalTo("pending")).extract().path("id");

        // then: the manager has the task, the create is on the timeline with the flow it started
        as(world.rep).get(world.base + "customer/records/" + id + "/timeline").then().statusCode(200)
                .body("items.find { it.action == 'create' }.detail.flow", equalTo("credit_check"))
                .body("items.find { it.action == 'create' }.changes.approval.to", equalTo("pending"));
        world.decide(world.manager, world.taskOn(world.manager, id), "approve", null).statusCode(200)
                .body("record.approval", equalTo("approved"));
    }

    @Test
    void aCustomerBelowTheLineStartsNothing() {
        String id = customer(as(world.rep), "5000");

        as(world.rep).get(world.base + "customer/records/" + id).then().statusCode(200).body("approval", equalTo("none"));
        assertThat(world.managerHasNoTaskOn(id)).isTrue();
    }

    @Test
    void aCreateWhoseFlowHasNoApproverIsKeptAndSaysWhy() {
        // the admin belongs to no department, so "the manager of the owner" is nobody
        String id = customer(People.asAdmin(), "3000000");

        People.asAdmin().get(world.base + "customer/records/" + id).then().statusCode(200).body("approval", equalTo("none"));
        People.asAdmin().get(world.base + "customer/records/" + id + "/timeline").then().statusCode(200)
                .body("items.find { it.detail.event == 'no-approvers' }.detail.node", equalTo("manager"));
    }

    @Test
    void raisingAContractAboveTheLimitStartsTheReviewOnce() {
        // given
        String contract = world.contract("Growing deal", "200000");
        world.record(contract).body("approval", equalTo("none"));

        // when: an edit that stays below the limit starts nothing
        as(world.rep).body("{\"fields\": {\"amount\": \"300000\"}}").patch(world.base + "contract/records/" + contract)
                .then().statusCode(200).body("approval", equalTo("none"));
        assertThat(world.managerHasNoTaskOn(contract)).isTrue();

        // when: the edit that crosses it starts the review
        as(world.rep).body("{\"fields\": {\"amount\": \"600000\"}}").patch(world.base + "contract/records/" + contract)
                .then().statusCode(200).body("approval", equalTo("pending")).body("fields.amount", equalTo("600000.00"));
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", "ok").statusCode(200)
                .body("record.approval", equalTo("approved"));

        // then: later edits above the limit do not start it again
        as(world.rep).body("{\"fields\": {\"amount\": \"700000\"}}").patch(world.base + "contract/records/" + contract)
                .then().statusCode(200).body("approval", equalTo("approved"));
        assertThat(world.managerHasNoTaskOn(contract)).isTrue();
    }

    @Test
    void aRefusedEditStartsNoFlow() {
        // given
        String contract = world.contract("Refused deal", "100000");

        // when: the edit crosses the limit but is invalid
        as(world.rep).body("{\"fields\": {\"amount\": \"600000\", \"stage\": \"no-such-stage\"}}")
                .patch(world.base + "contract/records/" + contract).then().statusCode(422);

        // then
        world.record(contract).body("approval", equalTo("none")).body("fields.amount", equalTo("100000.00"));
        assertThat(world.managerHasNoTaskOn(contract)).isTrue();
    }

    @Test
    void aNotificationNamesTheRecordsFieldsButNeverASensitiveOne() {
        // when: a contract created with a bank account starts the notify-only flow
        String title = People.unique("Huge deal");
        String contract = as(world.rep).body("{\"fields\": {\"title\": \"" + title + "\", \"customer\": \"" + world.customer
                        + "\", \"amount\": \"950000\", \"stage\": \"draft\", \"bank_account\": \"DE-SECRET-4711\"}}")
                .post(world.base + "contract/records").then().statusCode(201).extract().path("id");

        // then: the flow ran through, and the owner's message has the title but not the account
        world.record(contract).body("approval", equalTo("approved"));
        String message = as(world.rep).get("/api/v1/notifications").then().statusCode(200)
                .extract().path("items.find { it.record == '" + contract + "' }.message");
        assertThat(message).contains(title).contains("{bank_account}").doesNotContain("DE-SECRET-4711");
    }

    @Test
    void aRetriedCreateStartsItsFlowOnce() {
        // given
        String key = People.unique("create-once");
        String body = "{\"fields\": {\"name\": \"" + People.unique("Umbrella") + "\", \"credit\": \"4000000\"}}";

        // when: the same create is sent twice with one Idempotency-Key
        String first = as(world.rep).header("Idempotency-Key", key).body(body).post(world.base + "customer/records")
                .then().statusCode(201).extract().path("id");
        String second = as(world.rep).header("Idempotency-Key", key).body(body).post(world.base + "customer/records")
                .then().extract().path("id");

        // then: one record, one task
        assertThat(second).isEqualTo(first);
        world.taskOn(world.manager, first);
    }

    @Test
    void aStaleEditThatWouldCrossTheLimitChangesNothingAndStartsNothing() {
        // given
        String contract = world.contract("Stale deal", "100000");

        // when
        as(world.rep).header("If-Match", "\"7\"").body("{\"fields\": {\"amount\": \"650000\"}}")
                .patch(world.base + "contract/records/" + contract).then().statusCode(412);

        // then
        world.record(contract).body("approval", equalTo("none")).body("fields.amount", equalTo("100000.00"));
        assertThat(world.managerHasNoTaskOn(contract)).isTrue();
    }
}
