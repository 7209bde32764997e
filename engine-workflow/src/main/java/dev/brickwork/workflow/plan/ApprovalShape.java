package dev.brickwork.workflow.plan;

import dev.brickwork.workflow.bpmn.RuntimeContract;
import dev.brickwork.workflow.model.ApprovalMode;
import org.w3c.dom.Element;

/**
 * The engine runs what the BPMN says, not what {@code brickwork.mode} says: an uploaded approval's multi-instance
 * settings must be the ones {@code FlowCompiler} writes for its mode, so the plan describes what will happen.
 */
final class ApprovalShape {

    private ApprovalShape() {
    }

    static void check(ElementProperties props, Element task, Element loop, ApprovalMode mode) {
        String key = task.getAttribute("id");
        boolean sequential = "true".equals(Dom.attribute(loop, "isSequential"));
        String completion = Dom.text(Dom.child(loop, "completionCondition"));
        String expected = mode == ApprovalMode.ANY ? RuntimeContract.FIRST_DECISION : RuntimeContract.rejected(key);
        if (sequential != (mode == ApprovalMode.SEQUENTIAL) || !expected.equals(completion)) {
            props.error(UploadCodes.UPLOAD_MODE_MISMATCH, "The multi-instance settings do not fit " + UploadReader.MODE
                    + ": any is parallel and completes at ${nrOfCompletedInstances >= 1}; all is parallel and"
                    + " sequential is sequential, both completing at ${brickwork.rejected(execution, '<id>')}");
        }
        if (!RuntimeContract.ASSIGNEE.equals(Dom.engineAttribute(task, "assignee"))
                || !RuntimeContract.ELEMENT_VARIABLE.equals(Dom.engineAttribute(loop, "elementVariable"))) {
            props.error(UploadCodes.UPLOAD_MODE_MISMATCH,
                    "An approval's assignee is ${approver} and its element variable 'approver'");
        }
    }
}
