package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** The seed's example end to end: the manager first, above 100,000 both directors, one rejection back to draft. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ContractApprovalTest {

    private static ApprovalWorld world;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_e2e");
        }
    }

    @Test
    void aboveTheLimitBothDirectorsCountersignAndOneRejectionReturnsItToDraft() {
        String contract = world.contract("Big deal", "150000");
        world.submit(world.rep, contract).statusCode(200).body("approval", equalTo("pending"));

        // while pending, staff edits are refused and nothing changes
        as(world.rep).header("If-Match", "\"2\"").body("{\"fields\": {\"title\": \"Changed\"}}")
                .patch(world.base + "contract/records/" + contract).then().statusCode(409).body("code", equalTo("APPROVAL_PENDING"));
        world.record(contract).body("fields.title", equalTo("Big deal"));

        as(world.manager).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .body("items.find { it.record.id == '" + contract + "' }.record.title", equalTo("Big deal"))
                .body("items.find { it.record.id == '" + contract + "' }.step", equalTo("manager"))
                .body("items.find { it.record.id == '" + contract + "' }.record.link",
                        equalTo(world.base + "contract/records/" + contract));
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", "fine by me").statusCode(200)
                .body("record.approval", equalTo("pending"));

        String sales = world.taskOn(world.salesDirector, contract);
        String finance = world.taskOn(world.financeDirector, contract);
        world.decide(world.salesDirector, sales, "approve", null).statusCode(200).body("record.approval", equalTo("pending"));
        world.decide(world.financeDirector, finance, "reject", "price too low").statusCode(200)
                .body("record.approval", equalTo("rejected"));

        world.record(contract).body("approval", equalTo("rejected")).body("fields.stage", equalTo("draft"));
        world.decide(world.financeDirector, finance, "approve", null).statusCode(409).body("code", equalTo("TASK_CLOSED"));

        List<String> actions = as(world.rep).get(world.base + "contract/records/" + contract + "/timeline").then()
                .statusCode(200).extract().path("items.action");
        assertThat(actions).contains("create", "submit", "flow.step", "flow.rejected");
        as(world.rep).get(world.base + "contract/records/" + contract + "/timeline").then()
                .body("items.detail.comment", hasItems("fine by me", "price too low"))
                .body("items.find { it.action == 'flow.rejected' }.changes.approval.to", equalTo("rejected"));

        // rejected records can be changed and submitted again
        as(world.rep).body("{\"fields\": {\"amount\": \"90000\"}}").patch(world.base + "contract/records/" + contract)
                .then().statusCode(200);
        world.submit(world.rep, contract).statusCode(200).body("approval", equalTo("pending"));
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", null).statusCode(200)
                .body("record.approval", equalTo("approved"));
    }

    @Test
    void belowTheLimitTheManagerAloneApprovesAndTheOwnerIsTold() {
        String contract = world.contract("Small deal", "50000");
        world.submit(world.rep, contract).statusCode(200);
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", null).statusCode(200)
                .body("record.approval", equalTo("approved"));
        world.record(contract).body("approval", equalTo("approved")).body("fields.stage", equalTo("signed"));
        as(world.rep).get("/api/v1/notifications").then().statusCode(200)
                .body("items.message", hasItem("Contract Small deal approved"));
        as(world.manager).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("items.kind", hasItem("task"));
        assertThat(Db.rows("SELECT count(*)::text FROM brickwork.flow_effects WHERE record_id = ?::uuid", contract))
                .containsExactly(List.of("0"));
    }

    @Test
    void aWithdrawnRecordCannotBeApprovedAndItsTasksAreGone() {
        String contract = world.contract("Withdrawn deal", "50000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);
        as(world.rep).post(world.base + "contract/records/" + contract + "/withdraw").then().statusCode(200)
                .body("approval", equalTo("withdrawn"));
        world.decide(world.manager, task, "approve", null).statusCode(409);
        world.record(contract).body("approval", equalTo("withdrawn")).body("fields.stage", equalTo("draft"));
        as(world.rep).post(world.base + "contract/records/" + contract + "/withdraw").then().statusCode(409)
                .body("code", equalTo("APPROVAL_STATE"));
    }

    @Test
    void tasksOfOthersUnknownTasksAndBadBodiesAreRefused() {
        String contract = world.contract("Guarded deal", "50000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);
        world.decide(world.rep, task, "approve", null).statusCode(403).body("code", equalTo("TASK_NOT_YOURS"));
        world.decide(world.manager, "no-such-task", "approve", null).statusCode(404).body("code", equalTo("TASK_NOT_FOUND"));
        as(world.manager).body("{\"to\": \"" + java.util.UUID.randomUUID() + "\"}").post("/api/v1/tasks/no-such-task/transfer")
                .then().statusCode(404).body("code", equalTo("TASK_NOT_FOUND"));
        as(world.manager).body("{\"comment\": 5}").post("/api/v1/tasks/" + task + "/approve").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/comment"));
        as(world.manager).body("{\"to\": \"not-a-user\"}").post("/api/v1/tasks/" + task + "/transfer").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/to"));
        as(world.manager).body("{\"to\": \"" + java.util.UUID.randomUUID() + "\"}").post("/api/v1/tasks/" + task + "/transfer")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/to"));
        world.submit(world.rep, contract).statusCode(409).body("code", equalTo("APPROVAL_STATE"));
        // the task is untouched by all of that
        assertThat(world.taskOn(world.manager, contract)).isEqualTo(task);
    }

    @Test
    void theInboxIsOldestFirstAndLimited() {
        // given: the manager has at least two tasks
        world.submit(world.rep, world.contract("First in line", "40000")).statusCode(200);
        world.submit(world.rep, world.contract("Second in line", "40000")).statusCode(200);
        List<String> all = as(world.manager).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.id");

        // when / then
        as(world.manager).get("/api/v1/tasks?assignee=me&limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(all.get(0)));
        for (String bad : List.of("0", "501", "many", "-3")) {
            as(world.manager).get("/api/v1/tasks?assignee=me&limit=" + bad).then().statusCode(422)
                    .body("errors[0].pointer", equalTo("/limit")).body("errors[0].code", equalTo("LIMIT_INVALID"));
        }
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTaskTransferredToAnotherUserMovesTheirInbox() {
        String contract = world.contract("Handed deal", "50000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);
        String disabled = dev.brickwork.runtime.admin.People.createUser(dev.brickwork.runtime.admin.People.unique("gone"),
                "gone-pass-1", "[]", null);
        dev.brickwork.runtime.admin.People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + disabled)
                .then().statusCode(200);
        as(world.manager).body("{\"to\": \"" + disabled + "\"}").post("/api/v1/tasks/" + task + "/transfer").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/to"));

        String deputy = world.salesDirector;
        String deputyId = as(deputy).get("/api/v1/me").then().extract().path("id");
        as(world.manager).body("{\"to\": \"" + deputyId + "\"}").post("/api/v1/tasks/" + task + "/transfer").then()
                .statusCode(200).body("assignee", equalTo(deputyId));
        assertThat(world.taskOn(deputy, contract)).isEqualTo(task);
        world.decide(world.manager, task, "approve", null).statusCode(403);
        world.decide(deputy, task, "approve", null).statusCode(200).body("record.approval", equalTo("approved"));
    }

    @Test
    void submittingWithoutAFlowIsRefused() {
        as(world.rep).post(world.base + "customer/records/" + world.customer + "/submit").then().statusCode(409)
                .body("code", equalTo("NO_FLOW"));
    }
}
