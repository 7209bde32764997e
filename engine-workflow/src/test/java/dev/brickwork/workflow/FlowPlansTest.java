package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.workflow.bpmn.BpmnCompilation;
import dev.brickwork.workflow.bpmn.FlowCompiler;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.FlowPlanJson;
import dev.brickwork.workflow.plan.FlowPlans;
import dev.brickwork.workflow.read.FlowReader;
import org.junit.jupiter.api.Test;

import java.util.List;

class FlowPlansTest {

    /** A valid flow's plan, as publishing makes it. */
    public static FlowPlan plan(JsonNode flowJson) {
        FlowDefinition flow = FlowReader.read(flowJson, Fixtures.context()).valid().orElseThrow(
                () -> new AssertionError("the fixture flow has problems"));
        BpmnCompilation compilation = FlowCompiler.compile(flow);
        return FlowPlans.of(flow, compilation);
    }

    @Test
    void plansTheSpecExampleByTheIdsTheEngineCallsBackWith() {
        // when
        FlowPlan plan = plan(Fixtures.contractFlow());

        // then
        assertThat(plan.key()).isEqualTo("contract_approval");
        assertThat(plan.form()).isEqualTo("contract");
        assertThat(plan.approvals()).containsOnlyKeys("manager", "directors");
        FlowPlan.Approval manager = plan.approvals().get("manager");
        assertThat(manager.label().in("en")).isEqualTo("manager");
        assertThat(manager.approvers()).containsExactly(new Approver.ManagerOf("owner"));
        assertThat(manager.timeout().action()).isEqualTo(TimeoutAction.REMIND);
        assertThat(plan.approvals().get("directors").mode()).isEqualTo(ApprovalMode.ALL);
        assertThat(plan.conditions()).containsEntry("_2.0", "amount > 100000");
        assertThat(plan.activities()).containsOnlyKeys("manager.timeout", "_4", "_onApproved", "_onRejected");
        assertThat(plan.activities().get("manager.timeout")).isEqualTo(new FlowPlan.TimedOut("manager"));
        assertThat(plan.activities().get("_4")).isEqualTo(new FlowPlan.Notify(List.of(new Approver.Field("owner")),
                "Contract {code} approved"));
        FlowPlan.Finish approved = (FlowPlan.Finish) plan.activities().get("_onApproved");
        assertThat(approved.approved()).isTrue();
        assertThat(approved.set().set().get("stage").textValue()).isEqualTo("signed");
        assertThat(((FlowPlan.Finish) plan.activities().get("_onRejected")).approved()).isFalse();
        assertThat(plan.bpmn()).contains("id=\"contract_approval\"");
    }

    @Test
    void aStepsLabelInEachLanguageReachesThePlanAndSurvivesItsJson() {
        JsonNode json = Fixtures.json("{'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},"
                + "'nodes':[{'type':'approval','key':'boss','label':{'en':'Boss','zh-CN':'老板审批'},"
                + "'approvers':[{'managerOf':'owner'}]}]}");

        FlowPlan plan = plan(json);

        FlowPlan.Approval boss = plan.approvals().get("boss");
        assertThat(boss.label().in("zh-CN")).isEqualTo("老板审批");
        assertThat(boss.label().in("en")).isEqualTo("Boss");
        assertThat(FlowPlanJson.read(FlowPlanJson.write(plan)).approvals().get("boss")).isEqualTo(boss);
    }

    @Test
    void plansUpdateNodesInsideBranchesAtTheirServiceTasks() {
        // given
        JsonNode json = Fixtures.json("{'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'update',"
                + "'when':'amount > 1'},'nodes':[{'type':'parallel','branches':[{'nodes':[{'type':'update','key':'mark',"
                + "'set':{'stage':'signed'}}]},{'nodes':[{'type':'approval','key':'a','approvers':[{'department':'d1'}],"
                + "'mode':'sequential','timeout':{'after':'P1D','action':'escalate','to':[{'user':'boss'}]}}]}]}]}");

        // when
        FlowPlan plan = plan(json);

        // then
        assertThat(plan.activities()).containsKeys("mark", "a.timeout", "_onApproved", "_onRejected");
        assertThat(plan.approvals().get("a").timeout().to()).containsExactly(new Approver.User("boss"));
        assertThat(plan.trigger().when()).isEqualTo("amount > 1");
    }

    @Test
    void writesAndReadsBackEveryField() {
        // given
        FlowPlan plan = plan(Fixtures.contractFlow());

        // when
        FlowPlan read = FlowPlanJson.read(FlowPlanJson.write(plan));

        // then
        assertThat(read).isEqualTo(plan);
    }

    @Test
    void refusesJsonThatIsNotAPlan() {
        JsonNode json = FlowPlanJson.write(plan(Fixtures.contractFlow()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("activities").get("_4")).put("type", "teleport");
        assertThatThrownBy(() -> FlowPlanJson.read(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
