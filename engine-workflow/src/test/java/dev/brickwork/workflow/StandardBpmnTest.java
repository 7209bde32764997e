package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.lint.BpmnLinter;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.UploadedFlows;
import dev.brickwork.workflow.read.FlowContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Standard BPMN, as Camunda Modeler 5 and bpmn.io write it, read into a plan by the upload mapping. */
public class StandardBpmnTest {

    public static final String KEY = "contract_flow";
    static final String LUJING = "7c0d7a52-2f6e-4a51-9d38-0f2f3b8f0a11";
    static final Trigger SUBMIT = new Trigger(TriggerEvent.SUBMIT, null);

    /** The fixture {@code StandardBpmnTest.modeler.bpmn}: a contract approval drawn in Camunda Modeler 5. */
    public static String modeler() {
        return resource("StandardBpmnTest.modeler.bpmn");
    }

    static String resource(String name) {
        try (InputStream in = StandardBpmnTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FlowContext context() {
        return new FlowContext(Fixtures.contractForm(), Fixtures.ROLES, Map.of("lujing", LUJING));
    }

    public static UploadedFlows.Reading read(String bpmn) {
        return UploadedFlows.read(bpmn.getBytes(StandardCharsets.UTF_8), KEY, SUBMIT, context());
    }

    /** A process start → (what the test gives) → end, in the bpmn.io way: no engine namespace but camunda's. */
    static String process(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"http://bpmn.io/schema/bpmn\">"
                + "<process id=\"Process_1\" isExecutable=\"false\"><startEvent id=\"start\"/>"
                + body.replace('\'', '"') + "</process></definitions>";
    }

    @Test
    void readsACamundaModelerProcessIntoAPlan() {
        // when
        UploadedFlows.Reading reading = read(modeler());

        // then
        assertThat(reading.problems()).allMatch(p -> !p.isError());
        FlowPlan plan = reading.plan().orElseThrow();
        assertThat(plan.key()).isEqualTo(KEY);
        FlowPlan.Approval manager = plan.approvals().get("activity_0manager");
        assertThat(manager.label().in("en")).isEqualTo("Manager review");
        assertThat(manager.approvers()).containsExactly(new Approver.Role("sales_director"));
        assertThat(manager.mode()).isEqualTo(ApprovalMode.ANY);
        assertThat(manager.timeout()).isEqualTo(new Timeout("PT4H", TimeoutAction.REMIND, List.of()));
        FlowPlan.Approval board = plan.approvals().get("activity_board");
        assertThat(board.mode()).isEqualTo(ApprovalMode.ALL);
        assertThat(board.approvers()).containsExactly(new Approver.Role("sales_director"),
                new Approver.Role("finance_director"));
        FlowPlan.Approval finance = plan.approvals().get("activity_finance");
        assertThat(finance.approvers()).containsExactly(new Approver.User(LUJING));
        assertThat(finance.timeout()).isEqualTo(new Timeout("P3D", TimeoutAction.REJECT, List.of()));
        assertThat(plan.conditions()).containsExactly(Map.entry("Flow_large", "amount > 100000"));
        assertThat(plan.activities()).containsOnlyKeys("activity_0manager.timeout", "activity_finance.timeout",
                "_onApproved", "_onRejected");
        assertThat(plan.activities().get("_onApproved")).isInstanceOf(FlowPlan.Finish.class);
        assertThat(((FlowPlan.Finish) plan.activities().get("_onRejected")).approved()).isFalse();
    }

    @Test
    void warnsAboutWhatOnlyATasklistReadsWhereItIs() {
        // when
        UploadedFlows.Reading reading = read(modeler());

        // then
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code, p -> p.severity().json())
                .containsExactlyInAnyOrder(tuple("/bpmn/StartEvent_1", "BPMN_IGNORED", "warning"),
                        tuple("/bpmn/StartEvent_1", "BPMN_IGNORED", "warning"),
                        tuple("/bpmn/Activity_0manager", "BPMN_IGNORED", "warning"));
    }

    @Test
    void deploysOnlyTheRuntimesExpressionsUnderTheFlowKeyAndLeavesNoExtensionOnlyATasklistReads() {
        // when
        String deployed = read(modeler()).plan().orElseThrow().bpmn();

        // then
        assertThat(BpmnLinter.lintDeployable(deployed.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(deployed).contains("id=\"" + KEY + "\"").doesNotContain("formKey").doesNotContain("formData")
                .doesNotContain("asyncBefore").doesNotContain("Process_contract").doesNotContain("${approved}")
                .doesNotContain("${member}").contains("bpmnElement=\"activity_finance\"");
    }

    @Test
    void drawsEveryElementTheMappingAdds() throws Exception {
        // given
        String deployed = read(modeler()).plan().orElseThrow().bpmn();

        // when
        org.w3c.dom.Document document = dev.brickwork.workflow.lint.SafeXml.parse(deployed.getBytes(StandardCharsets.UTF_8));

        // then
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (String kind : List.of("BPMNShape", "BPMNEdge")) {
            org.w3c.dom.NodeList list = document.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/DI", kind);
            for (int i = 0; i < list.getLength(); i++) {
                drawn.add(((org.w3c.dom.Element) list.item(i)).getAttribute("bpmnElement"));
            }
        }
        org.w3c.dom.Node process = document.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL",
                "process").item(0);
        List<String> undrawn = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = process.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && e.hasAttribute("id") && !drawn.contains(e.getAttribute("id"))) {
                undrawn.add(e.getAttribute("id"));
            }
        }
        assertThat(undrawn).isEmpty();
        assertThat(drawn).contains("activity_0manager.outcome", "_onApproved", "activity_finance.timeout");
    }

    @Test
    void mapsAnExportOfTheMappedFileToTheSamePlan() {
        // given
        FlowPlan first = read(modeler()).plan().orElseThrow();

        // when
        UploadedFlows.Reading again = read(first.bpmn());

        // then
        assertThat(again.problems()).isEmpty();
        FlowPlan second = again.plan().orElseThrow();
        assertThat(second.approvals()).isEqualTo(first.approvals());
        assertThat(second.conditions()).isEqualTo(first.conditions());
        assertThat(second.activities()).isEqualTo(first.activities());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sequential multi-instance | <multiInstanceLoopCharacteristics isSequential='true'/> | SEQUENTIAL
            parallel multi-instance   | <multiInstanceLoopCharacteristics isSequential='false'/> | ALL
            plain task                |                                                          | ANY
            """)
    void aUserTasksModeIsItsMultiInstance(String name, String loop, ApprovalMode mode) {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='Task_1'/>"
                + "<userTask id='Task_1' camunda:candidateGroups='legal'>" + (loop == null ? "" : loop) + "</userTask>"
                + "<sequenceFlow id='f2' sourceRef='Task_1' targetRef='end'/><endEvent id='end'/>");

        // when
        FlowPlan plan = read(bpmn).plan().orElseThrow();

        // then
        assertThat(plan.approvals().get("task_1").mode()).isEqualTo(mode);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the record's owner     | camunda:assignee='${owner}'                  | owner
            a user field           | camunda:assignee='${reviewer}'               | reviewer
            a candidate user field | camunda:candidateUsers='${ reviewer }'       | reviewer
            """)
    void anExpressionAssigneeNamingAUserFieldIsThatField(String name, String attribute, String field) {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='check'/><userTask id='check' "
                + attribute + "/><sequenceFlow id='f2' sourceRef='check' targetRef='end'/><endEvent id='end'/>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.plan().orElseThrow().approvals().get("check").approvers())
                .containsExactly(new Approver.Field(field));
    }

    @Test
    void bpmnsOwnPerformersNameUsersAndRoles() {
        // given: no engine namespace at all
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='check'/><userTask id='check'>"
                + "<potentialOwner><resourceAssignmentExpression><formalExpression>user(lujing), group(legal), sales_director"
                + "</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>"
                + "<sequenceFlow id='f2' sourceRef='check' targetRef='end'/><endEvent id='end'/>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.problems()).isEmpty();
        FlowPlan plan = reading.plan().orElseThrow();
        assertThat(plan.approvals().get("check").approvers()).containsExactly(new Approver.User(LUJING),
                new Approver.Role("legal"), new Approver.Role("sales_director"));
        assertThat(plan.bpmn()).doesNotContain("potentialOwner");
        assertThat(UploadedFlows.usernames(bpmn.getBytes(StandardCharsets.UTF_8))).containsExactly("lujing");
    }

    @Test
    void aPlainConditionAndARejectionNobodyDrewAreMapped() {
        // given: no decision gateway and no rejected end
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='g'/><exclusiveGateway id='g' default='f3'/>"
                + "<sequenceFlow id='f2' sourceRef='g' targetRef='check'><conditionExpression>amount &gt;= 500000"
                + "</conditionExpression></sequenceFlow><sequenceFlow id='f3' sourceRef='g' targetRef='end'/>"
                + "<userTask id='check' camunda:candidateUsers='lujing'/><sequenceFlow id='f4' sourceRef='check'"
                + " targetRef='end'/><endEvent id='end'><extensionElements><camunda:properties><camunda:property"
                + " name='brickwork.set' value='{&quot;stage&quot;: &quot;signed&quot;}'/></camunda:properties></extensionElements></endEvent>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.problems()).isEmpty();
        FlowPlan plan = reading.plan().orElseThrow();
        assertThat(plan.conditions()).containsExactly(Map.entry("f2", "amount >= 500000"));
        FlowPlan.Finish approved = (FlowPlan.Finish) plan.activities().get("_onApproved");
        assertThat(approved.set().set().get("stage").textValue()).isEqualTo("signed");
        assertThat(plan.activities().get("_onRejected")).isEqualTo(new FlowPlan.Finish(false,
                dev.brickwork.workflow.model.Outcome.NONE));
        assertThat(plan.bpmn()).contains("${brickwork.rejected(execution, 'check')}").contains("id=\"_rejected\"")
                .contains("isExecutable=\"true\"").contains("historyTimeToLive=\"P180D\"");
    }

    @Test
    void anEndNamedRejectedIsTheRejectedOutcome() {
        // given
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='g'/><exclusiveGateway id='g' default='f3'/>"
                + "<sequenceFlow id='f2' sourceRef='g' targetRef='no'><conditionExpression>amount &gt; 9000000"
                + "</conditionExpression></sequenceFlow><sequenceFlow id='f3' sourceRef='g' targetRef='check'/>"
                + "<userTask id='check' camunda:candidateGroups='legal'/><sequenceFlow id='f4' sourceRef='check'"
                + " targetRef='yes'/><endEvent id='yes' name='通过'/><endEvent id='no' name='驳回'/>");

        // when
        FlowPlan plan = read(bpmn).plan().orElseThrow();

        // then: the rejection of check goes to the same rejected end
        assertThat(plan.activities()).containsOnlyKeys("_onApproved", "_onRejected");
        assertThat(plan.bpmn()).contains("sourceRef=\"_onRejected\" targetRef=\"no\"")
                .contains("sourceRef=\"_onApproved\" targetRef=\"yes\"");
    }

    @Test
    void aRejectionDrawnAsTheGatewaysDefaultIsTheRejection() {
        // given: "approved" is the condition, the default flow the way a rejection goes
        String bpmn = process("<sequenceFlow id='f1' sourceRef='start' targetRef='check'/>"
                + "<userTask id='check' camunda:candidateGroups='legal'/><sequenceFlow id='f2' sourceRef='check' targetRef='g'/>"
                + "<exclusiveGateway id='g' default='no'/><sequenceFlow id='yes' sourceRef='g' targetRef='ok'>"
                + "<conditionExpression>${approved == true}</conditionExpression></sequenceFlow>"
                + "<sequenceFlow id='no' sourceRef='g' targetRef='ko'/><endEvent id='ok'/><endEvent id='ko'/>");

        // when
        FlowPlan plan = read(bpmn).plan().orElseThrow();

        // then: ko is reached only after a rejection, whatever its name
        assertThat(plan.bpmn()).contains("default=\"yes\"").contains("sourceRef=\"_onRejected\" targetRef=\"ko\"")
                .contains("sourceRef=\"_onApproved\" targetRef=\"ok\"");
        assertThat(plan.activities()).containsOnlyKeys("_onApproved", "_onRejected");
    }

    @Test
    void looksUpTheUsernamesTheFileNames() {
        assertThat(UploadedFlows.usernames(modeler().getBytes(StandardCharsets.UTF_8))).containsExactly("lujing");
        assertThat(UploadedFlows.usernames("<x".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
