package dev.brickwork.workflow.plan;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.lint.BpmnLinter;
import dev.brickwork.workflow.lint.LintCodes;
import dev.brickwork.workflow.lint.SafeXml;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowParts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an uploaded BPMN into a {@link FlowPlan}: it must pass {@code BpmnLinter}'s upload rules; standard BPMN
 * (Camunda Modeler, bpmn.io) is first mapped to Brickwork's shape by {@code StandardBpmn} (decision 0032), then
 * approvers, branch conditions and the notify / update / finish / timeout steps come from {@code operaton:property}
 * (or {@code camunda:property}) elements named {@code brickwork.*} on the elements, checked against the form and
 * roles like a designed flow. What is deployed must pass {@code BpmnLinter.lintDeployable}.
 *
 * <ul>
 * <li>an approval is a user task {@code <key>}, multi-instance over {@code ${brickwork.approvers(execution, '<key>')}},
 *     with {@code brickwork.approvers} (a JSON array of approvers as in a flow), optional {@code brickwork.mode}
 *     ({@code any} | {@code all} | {@code sequential}) and optional {@code brickwork.timeout} (a JSON object
 *     {@code {"after": "P2D", "action": "remind|approve|reject|escalate", "to": [...]}});</li>
 * <li>a flow with {@code ${brickwork.condition(execution, '<id>')}} has {@code brickwork.when}, the condition text;</li>
 * <li>a {@code ${brickworkUpdate}} task has {@code brickwork.set} (a JSON object of field to value; optional on
 *     {@code _onApproved} / {@code _onRejected}, which finish the flow); a {@code ${brickworkNotify}} task has
 *     {@code brickwork.to} (approvers) and {@code brickwork.message}; a {@code ${brickworkTimeout}} task is
 *     {@code <key>.timeout} for an approval with a timeout.</li>
 * </ul>
 * Every problem is located as {@code /bpmn/<element id>}; none repeats a submitted value. A pure function: never throws.
 */
public final class UploadedFlows {

    /** A plan when the file has no error, and every problem found. */
    public record Reading(Optional<FlowPlan> plan, List<Problem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }
    }

    private UploadedFlows() {
    }

    /**
     * Reads the file into the plan of flow {@code flowKey}. The plan's BPMN is the file mapped to the runtime's shape
     * (see {@code StandardBpmn}); the caller keeps the file as uploaded.
     */
    public static Reading read(byte[] bpmn, String flowKey, Trigger trigger, FlowContext context) {
        List<Problem> problems = new ArrayList<>(BpmnLinter.lint(bpmn));
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Reading(Optional.empty(), problems);
        }
        try {
            Optional<FlowPlan> plan = plan(SafeXml.parse(bpmn), flowKey, trigger, context, problems);
            boolean clean = problems.stream().noneMatch(Problem::isError);
            return new Reading(clean ? plan : Optional.empty(), problems);
        } catch (SAXException | IOException | RuntimeException | StackOverflowError defect) {
            // the linter parsed the same bytes; a failure here is a defect, reported without a stack trace
            problems.add(Problem.error("/bpmn", LintCodes.BPMN_MALFORMED, "The file could not be read"));
            return new Reading(Optional.empty(), problems);
        }
    }

    private static Optional<FlowPlan> plan(Document document, String flowKey, Trigger trigger,
                                           FlowContext context, List<Problem> problems) {
        trigger(trigger, context, problems);
        List<Element> processes = Dom.children(document.getDocumentElement(), "process");
        if (processes.size() != 1) {
            problems.add(Problem.error("/bpmn", UploadCodes.UPLOAD_PROCESS_INVALID, "The file must hold exactly one process"));
            return Optional.empty();
        }
        StandardBpmn mapping = new StandardBpmn(context, problems);
        mapping.map(processes.get(0), flowKey);
        if (problems.stream().anyMatch(Problem::isError)) {
            return Optional.empty();
        }
        // what the mapped file says is reported where the modeller drew it
        List<Problem> found = new ArrayList<>();
        UploadReader read = new UploadReader(context, found);
        read.read(processes.get(0));
        new UploadChecks(read, found).check();
        String deployed = SafeXml.write(document);
        found.addAll(BpmnLinter.lintDeployable(deployed.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> pointers = mapping.uploadedPointers();
        found.forEach(p -> problems.add(new Problem(pointers.getOrDefault(p.pointer(), p.pointer()), p.code(),
                p.severity(), p.message())));
        return Optional.of(new FlowPlan(flowKey, context.form().definition().key(), trigger, read.approvals,
                read.conditions, read.activities, deployed));
    }

    /** The usernames the file's user tasks name (assignee, candidateUsers), to look up before reading it. */
    public static Set<String> usernames(byte[] bpmn) {
        if (bpmn == null || bpmn.length > BpmnLinter.MAX_BYTES) {
            return Set.of();
        }
        try {
            return StandardApprovers.usernames(SafeXml.parse(bpmn).getDocumentElement());
        } catch (SAXException | IOException | RuntimeException | StackOverflowError e) {
            // the linter reports what is wrong with the file
            return Set.of();
        }
    }

    private static void trigger(Trigger trigger, FlowContext context, List<Problem> problems) {
        if (trigger == null) {
            problems.add(Problem.error("/trigger", DefinitionCodes.PROPERTY_REQUIRED, "A flow needs a trigger"));
        } else if (trigger.when() != null) {
            new FlowParts(context, problems).condition(trigger.when(), "/trigger/when");
        }
    }
}
