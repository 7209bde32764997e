package dev.brickwork.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.workflow.bpmn.BpmnCompilation;
import dev.brickwork.workflow.bpmn.FlowCompiler;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.read.FlowReader;
import dev.brickwork.workflow.read.FlowReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

class FlowCompilerTest {

    static BpmnCompilation compile(JsonNode json) {
        FlowReading reading = FlowReader.read(json, Fixtures.context());
        assertThat(reading.problems()).isEmpty();
        FlowDefinition flow = reading.valid().orElseThrow();
        return FlowCompiler.compile(flow);
    }

    static BpmnModelInstance parse(String xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Bpmn.validateModel(model);
        return model;
    }

    @Test
    void compilesTheSpecExampleToAValidDiagrammedProcess() {
        // when
        BpmnCompilation compilation = compile(Fixtures.contractFlow());
        BpmnModelInstance model = parse(compilation.xml());

        // then
        assertThat(compilation.elementIds()).containsEntry("manager", "manager").containsEntry("directors", "directors")
                .containsEntry("_2", "_2.split").containsEntry("_4", "_4");
        assertThat(compilation.conditions()).containsExactly(java.util.Map.entry("_2.0", "amount > 100000"));

        UserTask manager = model.getModelElementById("manager");
        MultiInstanceLoopCharacteristics any = (MultiInstanceLoopCharacteristics) manager.getLoopCharacteristics();
        assertThat(any.isSequential()).isFalse();
        assertThat(any.getCompletionCondition().getTextContent()).isEqualTo("${nrOfCompletedInstances >= 1}");
        assertThat(any.getOperatonCollection()).isEqualTo("${brickwork.approvers(execution, 'manager')}");
        assertThat(manager.getOperatonAssignee()).isEqualTo("${approver}");

        UserTask directors = model.getModelElementById("directors");
        assertThat(((MultiInstanceLoopCharacteristics) directors.getLoopCharacteristics()).getCompletionCondition()
                .getTextContent()).isEqualTo("${brickwork.rejected(execution, 'directors')}");

        BoundaryEvent timer = model.getModelElementById("manager.timer");
        assertThat(timer.cancelActivity()).isFalse();
        assertThat(timer.getAttachedTo().getId()).isEqualTo("manager");

        ExclusiveGateway split = model.getModelElementById("_2.split");
        assertThat(split.getOutgoing()).extracting(f -> f.getConditionExpression() == null ? null
                : f.getConditionExpression().getTextContent())
                .containsExactlyInAnyOrder("${brickwork.condition(execution, '_2.0')}", null);
        assertThat(split.getDefault()).isNotNull();
        assertThat(((ServiceTask) model.getModelElementById("_4")).getOperatonDelegateExpression())
                .isEqualTo("${brickworkNotify}");

        // every flow node and flow has its diagram element, so a modeller can open it
        int elements = model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.FlowNode.class).size();
        int flows = model.getModelElementsByType(SequenceFlow.class).size();
        assertThat(model.getModelElementsByType(BpmnShape.class)).hasSize(elements);
        assertThat(model.getModelElementsByType(BpmnEdge.class)).hasSize(flows);
    }

    @Test
    void routesEveryRejectionToTheRejectedEnd() {
        // when
        BpmnModelInstance model = parse(compile(Fixtures.contractFlow()).xml());

        // then
        for (String key : new String[] {"manager", "directors"}) {
            ExclusiveGateway outcome = model.getModelElementById(key + ".outcome");
            assertThat(outcome.getOutgoing()).anySatisfy(flow -> {
                assertThat(flow.getTarget().getId()).isEqualTo("_onRejected");
                assertThat(flow.getConditionExpression().getTextContent())
                        .isEqualTo("${brickwork.rejected(execution, '" + key + "')}");
            });
            assertThat(outcome.getDefault().getTarget().getId()).isNotEqualTo("_onRejected");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no nodes                | []
            sequential chain        | [{'type':'approval','key':'a','mode':'sequential','approvers':[{'user':'u1'},{'user':'u2'}]}]
            timeout approves        | [{'type':'approval','key':'a','approvers':[{'role':'legal'}],'timeout':{'after':'PT4H','action':'approve'}}]
            timeout rejects         | [{'type':'approval','key':'a','approvers':[{'role':'legal'}],'timeout':{'after':'P1D','action':'reject'}}]
            timeout escalates       | [{'type':'approval','key':'a','approvers':[{'role':'legal'}],'timeout':{'after':'P1D','action':'escalate','to':[{'managerOf':'reviewer'}]}}]
            parallel with empty     | [{'type':'parallel','branches':[{'nodes':[{'type':'approval','key':'a','approvers':[{'user':'u1'}]}]},{'nodes':[]}]},{'type':'update','set':{'stage':'signed'}}]
            nested branches         | [{'type':'branch','key':'size','branches':[{'when':'amount > 10','nodes':[{'type':'branch','branches':[{'when':'amount > 1000','nodes':[{'type':'notify','to':[{'department':'d1'}],'message':'{title}'}]},{'otherwise':true,'nodes':[]}]}]},{'otherwise':true,'nodes':[{'type':'approval','key':'b','mode':'all','approvers':[{'field':'reviewer'}]}]}]}]
            """)
    void compilesEveryShapeToAValidProcess(String name, String nodes) {
        // given
        JsonNode json = Fixtures.json("{'schemaVersion':1,'key':'f','form':'contract','trigger':{'on':'submit'},'nodes':"
                + nodes + "}");

        // when
        BpmnCompilation compilation = compile(json);
        BpmnModelInstance model = parse(compilation.xml());

        // then
        assertThat(model.getModelElementsByType(FlowElement.class)).isNotEmpty();
        assertThat(model.getModelElementsByType(BpmnShape.class)).hasSize(
                model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.FlowNode.class).size());
        assertThat(dev.brickwork.workflow.lint.BpmnLinter.lint(compilation.xml().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(compilation.elementIds().values()).allSatisfy(id -> assertThat(
                (Object) model.getModelElementById(id)).isNotNull());
    }
}
