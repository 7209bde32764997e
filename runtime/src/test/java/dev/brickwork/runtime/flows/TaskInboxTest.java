package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The inbox's three tabs (docs/spec.md §5): open tasks with their record's title and approval and when the step's
 * timeout fires, the decisions a person took with their comments, and the records a person submitted.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class TaskInboxTest {

    private static ApprovalWorld world;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_inbox");
        }
    }

    @Test
    void anOpenTaskSaysHowLongItHasWaitedAndWhenItsTwoDayTimeoutFires() {
        // given
        String contract = world.contract("Inbox deal", "40000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);

        // when
        JsonPath open = inbox(world.manager, "open");

        // then
        String at = "items.find { it.id == '" + task + "' }";
        assertThat(open.getString(at + ".record.title")).isEqualTo("Inbox deal");
        assertThat(open.getString(at + ".record.approval")).isEqualTo("pending");
        assertThat(open.getString(at + ".step")).isEqualTo("manager");
        Instant created = Instant.parse(open.getString(at + ".created"));
        Instant due = Instant.parse(open.getString(at + ".due"));
        // the timer starts with the step, a moment before its task is created
        assertThat(Duration.between(created, due).toMinutes()).isBetween(47 * 60 + 59L, 48 * 60 + 1L);
    }

    @Test
    void aDecisionIsListedUnderDoneWithItsCommentAndTheSubmitterSeesWhereTheRecordStands() {
        // given
        String contract = world.contract("Decided deal", "30000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);

        // when
        world.decide(world.manager, task, "reject", "price too low").statusCode(200);

        // then: the manager's done tab, newest first
        JsonPath done = inbox(world.manager, "done");
        assertThat(done.getString("items[0].id")).isEqualTo(task);
        assertThat(done.getString("items[0].decision")).isEqualTo("rejected");
        assertThat(done.getString("items[0].comment")).isEqualTo("price too low");
        assertThat(done.getString("items[0].step")).isEqualTo("manager");
        assertThat(done.getString("items[0].record.id")).isEqualTo(contract);
        assertThat(done.getString("items[0].record.approval")).isEqualTo("rejected");
        assertThat(done.getString("items[0].decidedAt")).isNotBlank();
        // the rep took no decision; what the rep submitted is under started, once per record
        assertThat(inbox(world.rep, "done").getList("items")).isEmpty();
        world.submit(world.rep, contract).statusCode(200);
        JsonPath started = inbox(world.rep, "started");
        assertThat(started.getList("items.findAll { it.record.id == '" + contract + "' }")).hasSize(1);
        assertThat(started.getString("items[0].record.id")).isEqualTo(contract);
        assertThat(started.getString("items[0].record.approval")).isEqualTo("pending");
        assertThat(started.getString("items[0].flow")).isEqualTo("contract_approval");
    }

    @Test
    void anUnknownTabIsALocatedProblem() {
        as(world.rep).get("/api/v1/tasks?view=later").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/view"))
                .body("errors[0].code", equalTo("VIEW_UNKNOWN"));
    }

    private static JsonPath inbox(String token, String view) {
        return as(token).get("/api/v1/tasks?view=" + view).then().statusCode(200).extract().jsonPath();
    }
}
