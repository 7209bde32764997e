package dev.brickwork.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.workflow.bpmn.BpmnCompilation;
import dev.brickwork.workflow.bpmn.FlowCompiler;
import dev.brickwork.workflow.lint.BpmnLinter;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.FlowPlans;
import dev.brickwork.workflow.plan.UploadedFlows;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A starter flow exported as BPMN (what {@code GET …/versions/{n}/bpmn} answers: the compiled BPMN) and uploaded back
 * runs the same: the same approvals, conditions and activities, and the same BPMN deployed.
 */
class CrmFlowsRoundTripTest {

    static Stream<String> flowKeys() {
        return CrmFlowsTest.flowKeys();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowKeys")
    void anExportedStarterFlowUploadsBackToTheSamePlan(String key) {
        // given
        JsonNode json = CrmFlowsTest.flows().get(key);
        FlowContext context = new FlowContext(CrmParts.compiled(json.get("form").asText()), CrmParts.roleKeys());
        FlowDefinition flow = FlowReader.read(json, context).valid().orElseThrow();
        BpmnCompilation compiled = FlowCompiler.compile(flow);
        FlowPlan designed = FlowPlans.of(flow, compiled);

        // when
        UploadedFlows.Reading uploaded = UploadedFlows.read(compiled.xml().getBytes(StandardCharsets.UTF_8), key,
                flow.trigger(), context);

        // then
        assertThat(uploaded.problems()).isEmpty();
        FlowPlan plan = uploaded.plan().orElseThrow();
        assertThat(plan.approvals()).isEqualTo(designed.approvals());
        assertThat(plan.conditions()).isEqualTo(designed.conditions());
        assertThat(plan.activities()).isEqualTo(designed.activities());
        assertThat(plan.trigger()).isEqualTo(designed.trigger());
        assertThat(plan.form()).isEqualTo(designed.form());
        assertThat(BpmnLinter.lintDeployable(plan.bpmn().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowKeys")
    void theExportHasWhatCamundaModelerNeeds(String key) {
        // given
        JsonNode json = CrmFlowsTest.flows().get(key);
        FlowContext context = new FlowContext(CrmParts.compiled(json.get("form").asText()), CrmParts.roleKeys());

        // when
        String xml = FlowCompiler.compile(FlowReader.read(json, context).valid().orElseThrow()).xml();

        // then
        assertThat(xml).contains("targetNamespace=\"").contains("isExecutable=\"true\"");
        org.w3c.dom.Document document = parse(xml);
        java.util.Set<String> drawn = new java.util.HashSet<>();
        forEach(document, "http://www.omg.org/spec/BPMN/20100524/DI", "BPMNShape", e -> drawn.add(e.getAttribute("bpmnElement")));
        forEach(document, "http://www.omg.org/spec/BPMN/20100524/DI", "BPMNEdge", e -> drawn.add(e.getAttribute("bpmnElement")));
        java.util.List<String> undrawn = new java.util.ArrayList<>();
        org.w3c.dom.Element process = (org.w3c.dom.Element) document.getElementsByTagNameNS(
                "http://www.omg.org/spec/BPMN/20100524/MODEL", "process").item(0);
        for (org.w3c.dom.Node n = process.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && e.hasAttribute("id") && !drawn.contains(e.getAttribute("id"))) {
                undrawn.add(e.getAttribute("id"));
            }
        }
        assertThat(undrawn).isEmpty();
    }

    private static void forEach(org.w3c.dom.Document document, String ns, String name,
                                java.util.function.Consumer<org.w3c.dom.Element> action) {
        org.w3c.dom.NodeList list = document.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < list.getLength(); i++) {
            action.accept((org.w3c.dom.Element) list.item(i));
        }
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            return dev.brickwork.workflow.lint.SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
