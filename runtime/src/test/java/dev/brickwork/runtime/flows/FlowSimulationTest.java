package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The flow designer's simulator on the seed's contracts ({@link ApprovalWorld}): the path a record takes, the people
 * each step would ask (named, resolved as the running flow resolves them), and the located refusals; nothing is written.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class FlowSimulationTest {

    private static ApprovalWorld world;
    private static String simulate;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_simulation");
            simulate = "/api/v1/design/apps/" + world.app + "/flows/contract_approval/simulate";
            People.asAdmin().body("{\"displayName\": \"Meng Manager\"}").patch("/api/v1/admin/users/" + world.managerId)
                    .then().statusCode(200);
        }
    }

    @Test
    void aBigStoredContractGoesToTheOwnersManagerThenToBothDirectorsAndWritesNothing() {
        // given
        String contract = world.contract("Simulated deal", "180000");
        String before = Db.single("SELECT count(*)::text FROM brickwork.flow_outbox");

        // when
        JsonPath path = run("{\"record\": \"" + contract + "\"}").statusCode(200).extract().jsonPath();

        // then
        assertThat(path.getList("steps.type")).containsExactly("approval", "branch", "approval", "notify");
        assertThat(path.getString("steps[0].key")).isEqualTo("manager");
        assertThat(path.getList("steps[0].approvers.id")).containsExactly(world.managerId);
        assertThat(path.getList("steps[0].approvers.name")).containsExactly("Meng Manager");
        assertThat(path.getString("steps[0].timeout.action")).isEqualTo("remind");
        assertThat(path.getInt("steps[1].taken")).isZero();
        assertThat(path.getBoolean("steps[1].conditions[0].holds")).isTrue();
        assertThat(path.getString("steps[2].pointer")).isEqualTo("/nodes/1/branches/0/nodes/0");
        assertThat(path.getString("steps[2].mode")).isEqualTo("all");
        assertThat(path.getList("steps[2].approvers.id")).containsExactlyInAnyOrder(id(world.salesDirector), id(world.financeDirector));
        assertThat(path.getList("steps[3].to.id")).containsExactly(world.repId);
        assertThat(path.getString("outcome")).isEqualTo("approved");
        assertThat(path.getString("onApproved.stage")).isEqualTo("signed");
        world.record(contract).body("approval", equalTo("none")).body("version", equalTo(1));
        assertThat(Db.single("SELECT count(*)::text FROM brickwork.flow_outbox")).isEqualTo(before);
    }

    @Test
    void sampleValuesOfASmallContractTakeTheOtherwiseBranch() {
        JsonPath path = run("{\"fields\": {\"amount\": \"5000\"}, \"owner\": \"" + world.repId + "\"}").statusCode(200)
                .extract().jsonPath();

        assertThat(path.getList("steps.type")).containsExactly("approval", "branch", "notify");
        assertThat(path.getList("steps[0].approvers.id")).containsExactly(world.managerId);
        assertThat(path.getInt("steps[1].taken")).isEqualTo(1);
        assertThat(path.getList("steps[1].conditions.holds")).containsExactly(false, true);
    }

    @Test
    void aSentDefinitionIsSimulatedWithItsUpdatesSeenByTheConditionsAfterThem() {
        // given: an update raises the amount before the branch; the owner has no manager
        String definition = ApprovalWorld.FLOW.formatted(world.salesRole, world.financeRole)
                .replaceFirst("\"nodes\": \\[\n", "\"nodes\": [{\"type\": \"update\", \"set\": {\"amount\": \"300000\"}},\n");

        // when
        JsonPath path = run("{\"definition\": " + definition + ", \"fields\": {\"amount\": \"5000\"}, \"owner\": \""
                + id(world.salesDirector) + "\"}").statusCode(200).extract().jsonPath();

        // then
        assertThat(path.getList("steps.type")).containsExactly("update", "approval", "branch", "approval", "notify");
        assertThat(path.getInt("steps[2].taken")).isZero();
        assertThat(path.getList("steps[1].approvers")).isEmpty();
        assertThat(path.getString("steps[1].problem")).isEqualTo("NO_APPROVERS");
        assertThat(path.getString("outcome")).isEqualTo("blocked");
    }

    @Test
    void badInputIsRefusedWhereItIs() {
        String flow = ApprovalWorld.FLOW.formatted(world.salesRole, world.financeRole);
        problemAt(run("{\"definition\": " + flow.replace("amount > 100000", "amuont > 100000") + "}"),
                "DEFINITION_INVALID", "/definition/nodes/1/branches/0/when");
        problemAt(run("{\"fields\": {\"amount\": \"lots\"}}"), "RECORD_INVALID", "/fields/amount");
        problemAt(run("{\"record\": \"01a2a000-0000-7000-8000-000000000000\"}"), "TASK_INPUT_INVALID", "/record");
        problemAt(run("{\"record\": \"not-an-id\"}"), "TASK_INPUT_INVALID", "/record");
        problemAt(run("{\"colour\": \"red\"}"), "TASK_INPUT_INVALID", "/colour");
        problemAt(run("{\"definition\": [1]}"), "TASK_INPUT_INVALID", "/definition");
        as(world.rep).body("{}").post(simulate).then().statusCode(403);
    }

    private static void problemAt(ValidatableResponse answer, String code, String pointer) {
        answer.statusCode(422).body("code", equalTo(code)).body("errors.pointer", hasItem(pointer));
    }

    private static ValidatableResponse run(String body) {
        return People.asAdmin().body(body).post(simulate).then();
    }

    private static String id(String token) {
        return as(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }
}
