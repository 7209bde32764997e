package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.FlowNode;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.read.FlowReader;
import dev.brickwork.workflow.read.FlowReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

class FlowReaderTest {

    @Test
    void readsTheSpecExampleWithoutProblems() {
        // when
        FlowReading reading = FlowReader.read(Fixtures.contractFlow(), Fixtures.context());

        // then
        assertThat(reading.problems()).isEmpty();
        FlowDefinition flow = reading.valid().orElseThrow();
        assertThat(flow.key()).isEqualTo("contract_approval");
        assertThat(flow.nodes()).hasSize(3);
        FlowNode.Approval manager = (FlowNode.Approval) flow.nodes().get(0);
        assertThat(manager.approvers()).containsExactly(new Approver.ManagerOf("owner"));
        assertThat(manager.timeout().action()).isEqualTo(TimeoutAction.REMIND);
        FlowNode.Choice branch = (FlowNode.Choice) flow.nodes().get(1);
        assertThat(branch.id()).isEqualTo("_2");
        assertThat(branch.branches().get(0).when()).isEqualTo("amount > 100000");
        assertThat(((FlowNode.Approval) branch.branches().get(0).nodes().get(0)).mode()).isEqualTo(ApprovalMode.ALL);
        assertThat(flow.nodes().get(2).id()).isEqualTo("_4");
        assertThat(flow.onApproved().set()).containsKey("stage");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown node type          | [{'type':'script','key':'a'}]                                                          | /nodes/0/type                       | NODE_TYPE_UNKNOWN
            unknown node property      | [{'type':'update','set':{'stage':'x'},'color':'red'}]                                  | /nodes/0/color                      | PROPERTY_UNKNOWN
            approval without key       | [{'type':'approval','approvers':[{'user':'u1'}]}]                                      | /nodes/0/key                        | PROPERTY_REQUIRED
            invalid key                | [{'type':'approval','key':'Boss','approvers':[{'user':'u1'}]}]                         | /nodes/0/key                        | KEY_INVALID
            duplicate node keys        | [{'type':'approval','key':'a','approvers':[{'user':'u1'}]},{'type':'update','key':'a','set':{'stage':'x'}}] | /nodes/1/key | NODE_KEY_DUPLICATE
            duplicate keys nested      | [{'type':'approval','key':'a','approvers':[{'user':'u1'}]},{'type':'parallel','branches':[{'nodes':[{'type':'approval','key':'a','approvers':[{'user':'u2'}]}]}]}] | /nodes/1/branches/0/nodes/0/key | NODE_KEY_DUPLICATE
            empty approver list        | [{'type':'approval','key':'a','approvers':[]}]                                         | /nodes/0/approvers                  | APPROVERS_EMPTY
            approver with two kinds    | [{'type':'approval','key':'a','approvers':[{'user':'u1','role':'legal'}]}]             | /nodes/0/approvers/0                | APPROVER_INVALID
            approver of unknown kind   | [{'type':'approval','key':'a','approvers':[{'boss':'u1'}]}]                            | /nodes/0/approvers/0                | APPROVER_INVALID
            unknown role               | [{'type':'approval','key':'a','approvers':[{'role':'ceo'}]}]                           | /nodes/0/approvers/0/role           | ROLE_UNKNOWN
            approver field not a user  | [{'type':'approval','key':'a','approvers':[{'field':'title'}]}]                        | /nodes/0/approvers/0/field          | USER_FIELD_INVALID
            manager of unknown field   | [{'type':'approval','key':'a','approvers':[{'managerOf':'nobody'}]}]                   | /nodes/0/approvers/0/managerOf      | USER_FIELD_INVALID
            unknown mode               | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'mode':'most'}]              | /nodes/0/mode                       | PROPERTY_VALUE_INVALID
            bad duration               | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'timeout':{'after':'2 days','action':'remind'}}] | /nodes/0/timeout/after | DURATION_INVALID
            zero duration              | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'timeout':{'after':'PT0S','action':'remind'}}]   | /nodes/0/timeout/after | DURATION_INVALID
            weeks are not XML durations | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'timeout':{'after':'P1W','action':'remind'}}]   | /nodes/0/timeout/after | DURATION_INVALID
            unknown timeout action     | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'timeout':{'after':'P1D','action':'panic'}}]    | /nodes/0/timeout/action | PROPERTY_VALUE_INVALID
            escalation without to      | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'timeout':{'after':'P1D','action':'escalate'}}] | /nodes/0/timeout/to | ESCALATION_TARGET_INVALID
            remind with to             | [{'type':'approval','key':'a','approvers':[{'user':'u1'}],'timeout':{'after':'P1D','action':'remind','to':[{'user':'u2'}]}}] | /nodes/0/timeout/to | ESCALATION_TARGET_INVALID
            branch without otherwise   | [{'type':'branch','branches':[{'when':'amount > 1','nodes':[]}]}]                      | /nodes/0/branches                   | BRANCH_OTHERWISE_MISSING
            branch with two otherwise  | [{'type':'branch','branches':[{'otherwise':true,'nodes':[]},{'otherwise':true,'nodes':[]}]}] | /nodes/0/branches/1/otherwise | BRANCH_OTHERWISE_DUPLICATE
            branch without condition   | [{'type':'branch','branches':[{'nodes':[]},{'otherwise':true,'nodes':[]}]}]            | /nodes/0/branches/0/when            | PROPERTY_REQUIRED
            otherwise with condition   | [{'type':'branch','branches':[{'otherwise':true,'when':'amount > 1','nodes':[]}]}]     | /nodes/0/branches/0/when            | BRANCH_CONDITION_INVALID
            no branches                | [{'type':'branch','branches':[]}]                                                      | /nodes/0/branches                   | BRANCHES_EMPTY
            condition does not parse   | [{'type':'branch','branches':[{'when':'amount >','nodes':[]},{'otherwise':true,'nodes':[]}]}] | /nodes/0/branches/0/when     | EXPR_SYNTAX
            condition unknown field    | [{'type':'branch','branches':[{'when':'price > 1','nodes':[]},{'otherwise':true,'nodes':[]}]}] | /nodes/0/branches/0/when    | EXPR_UNKNOWN_FIELD
            condition not boolean      | [{'type':'branch','branches':[{'when':'amount + 1','nodes':[]},{'otherwise':true,'nodes':[]}]}] | /nodes/0/branches/0/when   | EXPR_TYPE_MISMATCH
            parallel branch condition  | [{'type':'parallel','branches':[{'when':'amount > 1','nodes':[]}]}]                    | /nodes/0/branches/0/when            | PROPERTY_UNKNOWN
            set of unknown field       | [{'type':'update','set':{'colour':'red'}}]                                             | /nodes/0/set/colour                 | SET_FIELD_UNKNOWN
            set of formula field       | [{'type':'update','set':{'total':1}}]                                                  | /nodes/0/set/total                  | SET_FIELD_READ_ONLY
            set of autonumber field    | [{'type':'update','set':{'code':'x'}}]                                                 | /nodes/0/set/code                   | SET_FIELD_READ_ONLY
            set of sensitive field     | [{'type':'update','set':{'bank_account':'x'}}]                                         | /nodes/0/set/bank_account           | SET_FIELD_SENSITIVE
            empty set                  | [{'type':'update','set':{}}]                                                           | /nodes/0/set                        | SET_EMPTY
            notify without message     | [{'type':'notify','to':[{'user':'u1'}]}]                                               | /nodes/0/message                    | PROPERTY_REQUIRED
            notify with no one         | [{'type':'notify','to':[],'message':'hi'}]                                             | /nodes/0/to                         | APPROVERS_EMPTY
            message placeholder        | [{'type':'notify','to':[{'user':'u1'}],'message':'Contract {number}'}]                 | /nodes/0/message                    | MESSAGE_PLACEHOLDER_UNKNOWN
            node not an object         | ['approval']                                                                           | /nodes/0                            | PROPERTY_TYPE
            """)
    void locatesEveryProblemOfABadNode(String name, String nodes, String pointer, String code) {
        // given
        JsonNode flow = Fixtures.json("{'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':"
                + nodes + "}");

        // when
        List<Problem> problems = FlowReader.read(flow, Fixtures.context()).problems();

        // then
        assertThat(problems).extracting(Problem::pointer, Problem::code).contains(org.assertj.core.groups.Tuple.tuple(pointer, code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown root property  | {'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':[],'extra':1} | /extra | PROPERTY_UNKNOWN
            missing key            | {'schemaVersion':1,'form':'contract','trigger':{'on':'submit'},'nodes':[]}                   | /key | PROPERTY_REQUIRED
            wrong schema version   | {'schemaVersion':2,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':[]}         | /schemaVersion | FLOW_SCHEMA_VERSION_UNSUPPORTED
            another form           | {'schemaVersion':1,'key':'f','form':'lead','trigger':{'on':'submit'},'nodes':[]}             | /form | FLOW_FORM_MISMATCH
            missing trigger        | {'schemaVersion':1,'key':'f','form':'contract','nodes':[]}                                   | /trigger | PROPERTY_REQUIRED
            unknown trigger event  | {'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'delete'},'nodes':[]}         | /trigger/on | PROPERTY_VALUE_INVALID
            trigger condition      | {'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'update','when':'stage'},'nodes':[]} | /trigger/when | EXPR_TYPE_MISMATCH
            missing nodes          | {'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'}}                    | /nodes | PROPERTY_REQUIRED
            onApproved unknown     | {'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':[],'onApproved':{'set':{'stage':'signed'},'notify':1}} | /onApproved/notify | PROPERTY_UNKNOWN
            onRejected formula     | {'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':[],'onRejected':{'set':{'total':0}}} | /onRejected/set/total | SET_FIELD_READ_ONLY
            not an object          | []                                                                                           | '' | FLOW_NOT_OBJECT
            """)
    void locatesEveryProblemOfABadFlow(String name, String flow, String pointer, String code) {
        // when
        List<Problem> problems = FlowReader.read(Fixtures.json(flow), Fixtures.context()).problems();

        // then
        assertThat(problems).extracting(Problem::pointer, Problem::code).contains(org.assertj.core.groups.Tuple.tuple(pointer, code));
    }

    @Test
    void reportsEveryProblemInOneRound() {
        // given
        JsonNode flow = Fixtures.json("{'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':["
                + "{'type':'approval','key':'a','approvers':[]},"
                + "{'type':'approval','key':'a','approvers':[{'role':'ceo'}]},"
                + "{'type':'branch','branches':[{'when':'nope = 1','nodes':[]}]}]}");

        // when
        List<Problem> problems = FlowReader.read(flow, Fixtures.context()).problems();

        // then
        assertThat(problems).extracting(Problem::code).containsExactlyInAnyOrder("APPROVERS_EMPTY", "NODE_KEY_DUPLICATE",
                "ROLE_UNKNOWN", "EXPR_UNKNOWN_FIELD", "BRANCH_OTHERWISE_MISSING");
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        // given
        String nodes = "[]";
        for (int i = 0; i < 12; i++) {
            nodes = "[{'type':'parallel','branches':[{'nodes':" + nodes + "}]}]";
        }
        JsonNode flow = Fixtures.json("{'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':"
                + nodes + "}");

        // when
        List<Problem> problems = FlowReader.read(flow, Fixtures.context()).problems();

        // then
        assertThat(problems).extracting(Problem::code).containsOnly("FLOW_TOO_DEEP");
    }
}
