package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.UploadedFlows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

class UploadedFlowsTest {

    static final String KEY = "contract_upload";
    static final Trigger SUBMIT = new Trigger(TriggerEvent.SUBMIT, null);

    /** The fixture {@code UploadedFlowsTest.contract.bpmn}: the contract flow of docs/spec.md §5 as an upload. */
    static String contract() {
        try (InputStream in = UploadedFlowsTest.class.getResourceAsStream("UploadedFlowsTest.contract.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UploadedFlows.Reading read(String bpmn) {
        return UploadedFlows.read(bpmn.getBytes(StandardCharsets.UTF_8), KEY, SUBMIT, Fixtures.context());
    }

    @Test
    void readsTheContractFlowIntoAPlan() {
        // when
        UploadedFlows.Reading reading = read(contract());

        // then
        assertThat(reading.problems()).isEmpty();
        FlowPlan plan = reading.plan().orElseThrow();
        assertThat(plan.key()).isEqualTo(KEY);
        assertThat(plan.form()).isEqualTo("contract");
        assertThat(plan.trigger()).isEqualTo(SUBMIT);
        FlowPlan.Approval manager = plan.approvals().get("manager");
        assertThat(manager.label().in("en")).isEqualTo("Manager approval");
        assertThat(manager.approvers()).containsExactly(new Approver.ManagerOf("owner"));
        assertThat(manager.mode()).isEqualTo(ApprovalMode.ANY);
        assertThat(manager.timeout().action()).isEqualTo(TimeoutAction.REMIND);
        FlowPlan.Approval directors = plan.approvals().get("directors");
        assertThat(directors.label().in("en")).isEqualTo("directors");
        assertThat(directors.mode()).isEqualTo(ApprovalMode.ALL);
        assertThat(directors.approvers()).containsExactly(new Approver.Role("sales_director"),
                new Approver.Role("finance_director"));
        assertThat(plan.conditions()).containsExactly(java.util.Map.entry("large", "amount > 100000"));
        assertThat(plan.activities()).containsOnlyKeys("manager.timeout", "tellOwner", "_onApproved", "_onRejected");
        assertThat(plan.activities().get("manager.timeout")).isEqualTo(new FlowPlan.TimedOut("manager"));
        assertThat(plan.activities().get("tellOwner")).isEqualTo(
                new FlowPlan.Notify(java.util.List.of(new Approver.Field("owner")), "Contract {code} approved"));
        FlowPlan.Finish approved = (FlowPlan.Finish) plan.activities().get("_onApproved");
        assertThat(approved.approved()).isTrue();
        assertThat(approved.set().set().get("stage").textValue()).isEqualTo("signed");
        assertThat(((FlowPlan.Finish) plan.activities().get("_onRejected")).approved()).isFalse();
        assertThat(plan.bpmn()).contains("<process id=\"contract_upload\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing approvers property   | <operaton:property name="brickwork.approvers" value='[{"managerOf": "owner"}]'/> | | /bpmn/manager | UPLOAD_PROPERTY_MISSING
            unknown role                 | "role": "sales_director"           | "role": "ceo"                   | /bpmn/directors | ROLE_UNKNOWN
            approver not a user field    | [{"managerOf": "owner"}]           | [{"managerOf": "title"}]        | /bpmn/manager | USER_FIELD_INVALID
            unknown field in set         | {"stage": "signed"}                | {"colour": "signed"}            | /bpmn/_onApproved | SET_FIELD_UNKNOWN
            computed field in set        | {"stage": "draft"}                 | {"total": 1}                    | /bpmn/_onRejected | SET_FIELD_READ_ONLY
            bad JSON in a property       | [{"managerOf": "owner"}]           | [{"managerOf": "owner"}        | /bpmn/manager | UPLOAD_PROPERTY_JSON
            trailing JSON in a property  | [{"managerOf": "owner"}]           | [{"managerOf": "owner"}] []     | /bpmn/manager | UPLOAD_PROPERTY_JSON
            approvers not an array       | [{"managerOf": "owner"}]           | {"managerOf": "owner"}          | /bpmn/manager | PROPERTY_TYPE
            condition on unknown field   | amount > 100000                    | price > 100000                  | /bpmn/large | EXPR_UNKNOWN_FIELD
            condition not boolean        | amount > 100000                    | amount + 1                      | /bpmn/large | EXPR_TYPE_MISMATCH
            unknown placeholder          | Contract {code} approved           | Contract {number} approved      | /bpmn/tellOwner | MESSAGE_PLACEHOLDER_UNKNOWN
            unknown mode                 | name="brickwork.mode" value="any"  | name="brickwork.mode" value="most" | /bpmn/manager | PROPERTY_VALUE_INVALID
            mode not what the BPMN does  | name="brickwork.mode" value="all"  | name="brickwork.mode" value="sequential" | /bpmn/directors | UPLOAD_MODE_MISMATCH
            unknown brickwork property   | name="brickwork.to"                | name="brickwork.cc"             | /bpmn/tellOwner | UPLOAD_PROPERTY_UNKNOWN
            timeout action unknown       | "action": "remind"                 | "action": "panic"               | /bpmn/manager | PROPERTY_VALUE_INVALID
            timer not fitting timeout    | "after": "P2D"                     | "after": "P3D"                  | /bpmn/managerTimer | UPLOAD_TIMEOUT_MISMATCH
            timeout task of no approval  | "manager.timeout"                  | "boss.timeout"                  | /bpmn/boss.timeout | UPLOAD_APPROVAL_UNKNOWN
            approval id not its key      | "directors"                        | "board"                         | /bpmn/board | UPLOAD_ID_MISMATCH
            rejected of unknown approval | ${brickwork.rejected(execution, 'manager')}</conditionExpression> | ${brickwork.rejected(execution, 'boss')}</conditionExpression> | /bpmn/managerRejected | UPLOAD_APPROVAL_UNKNOWN
            """)
    void refusesWhatDoesNotFitTheFormOrTheEngine(String name, String from, String to, String pointer, String code) {
        // given
        String bpmn = contract().replace(from, to == null ? "" : to);
        assertThat(bpmn).isNotEqualTo(contract());

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.plan()).isEmpty();
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code).contains(tuple(pointer, code));
        assertThat(reading.problems()).extracting(Problem::message).noneMatch(m -> m.contains("ceo")
                || m.contains("colour") || m.contains("price") || m.contains("{number}") || m.contains("panic"));
    }

    @Test
    void refusesAScriptTaskThroughTheLinter() {
        // given
        String bpmn = contract().replace("<serviceTask id=\"tellOwner\" name=\"Tell the owner\""
                + " operaton:delegateExpression=\"${brickworkNotify}\">", "<scriptTask id=\"tellOwner\" scriptFormat=\"groovy\">")
                .replace("</extensionElements>\n    </serviceTask>\n    <sequenceFlow id=\"toApproved\"",
                        "</extensionElements><script>'rm -rf /'.execute()</script>\n    </scriptTask>\n    <sequenceFlow id=\"toApproved\"");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.plan()).isEmpty();
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code)
                .contains(tuple("/bpmn/tellOwner", "BPMN_SCRIPT_TASK"));
    }

    @Test
    void deploysAProcessWhoseIdIsNotTheFlowsKeyUnderTheKey() {
        // when
        UploadedFlows.Reading reading = UploadedFlows.read(contract().getBytes(StandardCharsets.UTF_8), "other_flow",
                SUBMIT, Fixtures.context());

        // then
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.plan().orElseThrow().bpmn()).contains("<process id=\"other_flow\"")
                .doesNotContain("contract_upload");
    }

    @Test
    void refusesAUserTaskWhoseAssigneeIsNoUser() {
        // given
        String bpmn = contract().replace("<sequenceFlow id=\"toNotify\" sourceRef=\"sizeJoin\" targetRef=\"tellOwner\"/>",
                "<sequenceFlow id=\"toNotify\" sourceRef=\"sizeJoin\" targetRef=\"check\"/><userTask id=\"check\""
                        + " operaton:assignee=\"u1\"/><sequenceFlow id=\"checked\" sourceRef=\"check\" targetRef=\"tellOwner\"/>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code)
                .containsExactly(tuple("/bpmn/check", "UPLOAD_USER_UNKNOWN"));
        assertThat(reading.problems().get(0).message()).doesNotContain("u1");
    }

    @Test
    void checksTheTriggerCondition() {
        UploadedFlows.Reading reading = UploadedFlows.read(contract().getBytes(StandardCharsets.UTF_8), KEY,
                new Trigger(TriggerEvent.UPDATE, "amount >"), Fixtures.context());
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code)
                .containsExactly(tuple("/trigger/when", "EXPR_SYNTAX"));
    }

    @Test
    void warnsAboutPropertiesThatAreNotBrickworks() {
        // given
        String bpmn = contract().replace("<operaton:property name=\"brickwork.mode\" value=\"any\"/>",
                "<operaton:property name=\"brickwork.mode\" value=\"any\"/><operaton:property name=\"colour\" value=\"red\"/>");

        // when
        UploadedFlows.Reading reading = read(bpmn);

        // then
        assertThat(reading.plan()).isPresent();
        assertThat(reading.problems()).extracting(Problem::pointer, Problem::code)
                .containsExactly(tuple("/bpmn/manager", "UPLOAD_PROPERTY_IGNORED"));
    }
}
