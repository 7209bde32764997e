package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A record's approval panel (docs/spec.md §5) and what a record says the caller may do to it (§4 {@code meta.can}):
 * each person is offered exactly the actions that would succeed for them.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ApprovalPanelTest {

    private static ApprovalWorld world;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_panel");
        }
    }

    @Test
    void theStoryOfACountersignedContractAndWhoMayDoWhatAtEachPoint() {
        // given: a contract above the countersign threshold, not submitted yet
        String contract = world.contract("Panel deal", "180000");
        assertThat(panel(world.rep, contract).getList("actions")).containsExactly("submit");
        assertThat(panel(world.manager, contract).getList("actions")).isEmpty();

        // when: submitted, and the manager approves with a comment
        world.submit(world.rep, contract).statusCode(200);
        JsonPath managersView = panel(world.manager, contract);
        assertThat(managersView.getList("actions")).containsExactly("approve", "reject", "transfer");
        assertThat(managersView.getString("task")).isEqualTo(world.taskOn(world.manager, contract));
        assertThat(managersView.getString("current[0].assignee.id")).isEqualTo(world.managerId);
        world.decide(world.manager, managersView.getString("task"), "approve", "within budget").statusCode(200);

        // then: both directors are asked now; the rep may only withdraw; the story so far, oldest first
        JsonPath repsView = panel(world.rep, contract);
        assertThat(repsView.getString("state")).isEqualTo("pending");
        assertThat(repsView.getString("flow")).isEqualTo("contract_approval");
        assertThat(repsView.getList("current.step")).containsExactly("directors", "directors");
        assertThat(repsView.getList("current.task")).containsOnlyNulls();
        assertThat(repsView.getList("actions")).containsExactly("withdraw");
        assertThat(repsView.getString("task")).isNull();
        List<String> events = repsView.getList("history.event");
        assertThat(events.subList(0, 3)).containsExactly("submitted", "task", "approved");
        assertThat(repsView.getString("history[0].by.id")).isEqualTo(world.repId);
        // a step's task names who was asked, with their name
        assertThat(repsView.getString("history[1].to.id")).isEqualTo(world.managerId);
        assertThat(repsView.getString("history[1].to.name")).isNotBlank();
        assertThat(repsView.getString("history.find { it.event == 'approved' }.comment")).isEqualTo("within budget");
        assertThat(repsView.getString("history.find { it.event == 'approved' }.by.name")).isNotBlank();

        // when: both directors approve
        world.decide(world.salesDirector, world.taskOn(world.salesDirector, contract), "approve", null).statusCode(200);
        world.decide(world.financeDirector, world.taskOn(world.financeDirector, contract), "approve", null).statusCode(200);

        // then: approved, nobody is asked, the flow's outcome closes the story and the rep may submit again
        JsonPath done = panel(world.rep, contract);
        assertThat(done.getString("state")).isEqualTo("approved");
        assertThat(done.getList("current")).isEmpty();
        assertThat(done.getString("history[-1].event")).isEqualTo("completed");
        assertThat(done.getString("history[-1].outcome")).isEqualTo("approved");
        assertThat(done.getList("actions")).containsExactly("submit");
    }

    @Test
    void aRecordSaysWhatItsReaderMayDoToIt() {
        String contract = world.contract("Can deal", "20000");
        // the rep owns it; the manager's role updates only its own records
        as(world.rep).get(world.base + "contract/records/" + contract).then().statusCode(200)
                .body("meta.can.update", equalTo(true)).body("meta.can.delete", equalTo(false));
        as(world.manager).get(world.base + "contract/records/" + contract).then().statusCode(200)
                .body("meta.can.update", equalTo(false));
    }

    @Test
    void aRecordThatIsNotThereHasNoPanel() {
        as(world.rep).get(world.base + "contract/records/00000000-0000-0000-0000-000000000000/approval").then()
                .statusCode(404).contentType("application/problem+json");
        as(world.rep).get(world.base + "contract/records/not-an-id/approval").then().statusCode(404);
    }

    private static JsonPath panel(String token, String contract) {
        return as(token).get(world.base + "contract/records/" + contract + "/approval").then().statusCode(200)
                .extract().jsonPath();
    }
}
