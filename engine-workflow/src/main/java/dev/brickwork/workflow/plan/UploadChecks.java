package dev.brickwork.workflow.plan;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.model.Timeout;
import org.w3c.dom.Element;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks across elements of an uploaded process: expressions name approvals that exist, each timeout has its
 * timer and {@code <key>.timeout} task and the timer fits it, and the two finish tasks are there.
 */
final class UploadChecks {

    private final UploadReader read;
    private final List<Problem> problems;

    UploadChecks(UploadReader read, List<Problem> problems) {
        this.read = read;
        this.problems = problems;
    }

    void check() {
        read.rejectedReferences.forEach((elementId, key) -> {
            if (!read.approvals.containsKey(key)) {
                error(elementId, UploadCodes.UPLOAD_APPROVAL_UNKNOWN, "brickwork.rejected names no approval of this file");
            }
        });
        Set<String> timedOut = new HashSet<>();
        read.activities.forEach((id, activity) -> {
            if (activity instanceof FlowPlan.TimedOut t) {
                timedOut.add(t.node());
                FlowPlan.Approval approval = read.approvals.get(t.node());
                if (approval == null) {
                    error(id, UploadCodes.UPLOAD_APPROVAL_UNKNOWN, "A timeout task's id names no approval of this file");
                } else if (approval.timeout() == null) {
                    error(id, UploadCodes.UPLOAD_TIMEOUT_MISMATCH, "Its approval has no " + UploadReader.TIMEOUT);
                }
            }
        });
        Set<String> timed = timers();
        read.approvals.forEach((key, approval) -> {
            if (approval.timeout() != null && (!timedOut.contains(key) || !timed.contains(key))) {
                error(key, UploadCodes.UPLOAD_TIMEOUT_MISMATCH, "An approval with " + UploadReader.TIMEOUT
                        + " needs a boundary timer leading to the service task <key>.timeout");
            }
        });
        finish(FlowPlans.ON_APPROVED, true);
        finish(FlowPlans.ON_REJECTED, !read.approvals.isEmpty());
    }

    /** Checks every timer on an approval against its timeout; returns the keys of approvals that have one. */
    private Set<String> timers() {
        Set<String> timed = new HashSet<>();
        for (Element event : read.boundaryEvents) {
            Element timer = Dom.child(event, "timerEventDefinition");
            FlowPlan.Approval approval = read.approvals.get(event.getAttribute("attachedToRef"));
            if (timer == null || approval == null) {
                continue;
            }
            timed.add(approval.key());
            Timeout timeout = approval.timeout();
            boolean interrupting = !"false".equals(Dom.attribute(event, "cancelActivity"));
            if (timeout == null) {
                error(event.getAttribute("id"), UploadCodes.UPLOAD_TIMEOUT_MISMATCH,
                        "A timer on an approval needs the approval's " + UploadReader.TIMEOUT);
            } else if (!timeout.after().equals(Dom.text(Dom.child(timer, "timeDuration")))
                    || interrupting != timeout.action().decides()) {
                error(event.getAttribute("id"), UploadCodes.UPLOAD_TIMEOUT_MISMATCH, "The timer must wait the timeout's"
                        + " 'after' as a timeDuration and interrupt exactly when the action approves or rejects");
            }
        }
        return timed;
    }

    private void finish(String id, boolean required) {
        if (required && !(read.activities.get(id) instanceof FlowPlan.Finish)) {
            problems.add(Problem.error("/bpmn", UploadCodes.UPLOAD_FINISH_MISSING,
                    "The process needs a service task " + id + " with ${brickworkUpdate}"));
        }
    }

    private void error(String elementId, String code, String message) {
        problems.add(Problem.error(Dom.pointer(elementId), code, message));
    }
}
