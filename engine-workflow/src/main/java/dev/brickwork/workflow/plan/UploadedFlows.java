package dev.brickwork.workflow.plan;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.read.FlowContext;

import java.util.List;
import java.util.Optional;

/**
 * Reads an uploaded BPMN into a {@link FlowPlan}: it must pass {@code BpmnLinter}; approvers, branch conditions and
 * the notify / update / finish / timeout steps come from {@code operaton:property} (or {@code camunda:property})
 * elements named {@code brickwork.*} on the elements, checked against the form and roles like a designed flow.
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

    public static Reading read(byte[] bpmn, String flowKey, Trigger trigger, FlowContext context) {
        throw new UnsupportedOperationException("not yet");
    }
}
