package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A decision's place on the record's timeline and the decisions and transfers that are refused, on the seed's
 * contracts ({@link ApprovalWorld}): nothing a refused call sent changes the task, the record or the timeline.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class DecisionTest {

    private static ApprovalWorld world;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_decisions");
        }
    }

    @Test
    void theManagersDecisionIsOlderOnTheTimelineThanTheDirectorsTasksItOpened() {
        // given
        String contract = world.contract("Timeline deal", "180000");
        world.submit(world.rep, contract).statusCode(200);

        // when
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", "within budget").statusCode(200)
                .body("record.approval", equalTo("pending"));

        // then: newest first, so both directors' new tasks come before the decision that opened them
        List<Map<String, Object>> details = world.timeline(as(world.rep), "contract", contract);
        int decision = ApprovalWorld.indexOf(details, "approved", "manager");
        assertThat(decision).isNotNegative();
        assertThat(details.get(decision)).containsEntry("comment", "within budget");
        List<Integer> directorTasks = IntStream.range(0, details.size())
                .filter(i -> "task".equals(details.get(i).get("event")) && "directors".equals(details.get(i).get("node")))
                .boxed().toList();
        assertThat(directorTasks).hasSize(2).allSatisfy(i -> assertThat(i).isLessThan(decision));
    }

    @Test
    void aTooLongCommentOrAnUnknownPropertyIsRefusedAndTheTaskStaysOpen() {
        // given
        String contract = world.contract("Wordy deal", "40000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);

        // when / then
        world.decide(world.manager, task, "reject", "x".repeat(2001)).statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/comment"))
                .body("errors[0].code", equalTo("COMMENT_TOO_LONG"));
        as(world.manager).body("{\"comment\": \"fine\", \"urgent\": true}").post("/api/v1/tasks/" + task + "/approve").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/urgent")).body("errors[0].code", equalTo("PROPERTY_UNKNOWN"));

        // then: nothing was decided
        assertThat(world.taskOn(world.manager, contract)).isEqualTo(task);
        world.record(contract).body("approval", equalTo("pending"));
        assertThat(world.timeline(as(world.rep), "contract", contract)).extracting(d -> d.get("event"))
                .doesNotContain("approved", "rejected");

        // when / then: 2000 characters are allowed
        world.decide(world.manager, task, "reject", "y".repeat(2000)).statusCode(200).body("record.approval", equalTo("rejected"));
        List<Map<String, Object>> details = world.timeline(as(world.rep), "contract", contract);
        assertThat(details.get(ApprovalWorld.indexOf(details, "rejected", "manager")).get("comment")).isEqualTo("y".repeat(2000));
    }

    @Test
    void aTaskCannotBeTransferredToItsOwnAssignee() {
        // given
        String contract = world.contract("Boomerang deal", "40000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);

        // when / then
        as(world.manager).body("{\"to\": \"" + world.managerId + "\"}").post("/api/v1/tasks/" + task + "/transfer").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("/to"))
                .body("errors[0].code", equalTo("TRANSFER_TO_SELF"));

        // then
        assertThat(world.taskOn(world.manager, contract)).isEqualTo(task);
        world.record(contract).body("approval", equalTo("pending"));
        assertThat(world.timeline(as(world.rep), "contract", contract)).extracting(d -> d.get("event")).doesNotContain("transferred");
    }

    @Test
    void aDecidedTaskCannotBeDecidedOrTransferredAgainAndTheFlowGoesOnUnchanged() {
        // given: the manager approved a large contract, so both directors wait
        String contract = world.contract("Twice deal", "160000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);
        world.decide(world.manager, task, "approve", null).statusCode(200).body("record.approval", equalTo("pending"));
        String sales = world.taskOn(world.salesDirector, contract);
        String finance = world.taskOn(world.financeDirector, contract);

        // when / then
        world.decide(world.manager, task, "reject", "changed my mind").statusCode(409).body("code", equalTo("TASK_CLOSED"));
        world.decide(world.manager, task, "approve", null).statusCode(409).body("code", equalTo("TASK_CLOSED"));
        String salesId = as(world.salesDirector).get("/api/v1/me").then().statusCode(200).extract().path("id");
        as(world.manager).body("{\"to\": \"" + salesId + "\"}").post("/api/v1/tasks/" + task + "/transfer").then()
                .statusCode(409).body("code", equalTo("TASK_CLOSED"));

        // then
        world.record(contract).body("approval", equalTo("pending"));
        assertThat(world.taskOn(world.salesDirector, contract)).isEqualTo(sales);
        assertThat(world.taskOn(world.financeDirector, contract)).isEqualTo(finance);
        assertThat(world.timeline(as(world.rep), "contract", contract)).extracting(d -> d.get("event"))
                .containsOnlyOnce("approved").doesNotContain("rejected", "transferred");
    }
}
