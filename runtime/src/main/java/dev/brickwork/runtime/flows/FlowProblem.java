package dev.brickwork.runtime.flows;

import dev.brickwork.platform.http.ProblemType;

/** What the approval API refuses (docs/spec.md §5). */
public enum FlowProblem implements ProblemType {
    TASK_NOT_FOUND(404, "No such task"),
    TASK_NOT_YOURS(403, "The task is assigned to someone else"),
    TASK_CLOSED(409, "The task is no longer open"),
    FLOW_BUSY(409, "The flow was changed at the same moment"),
    NO_FLOW(409, "No approval flow is published for this form"),
    NO_APPROVERS(409, "A step of the flow has no one to decide it"),
    NOT_PENDING(409, "The record is not waiting for approval"),
    TASK_INPUT_INVALID(422, "The request is invalid"),
    NOTIFICATION_NOT_FOUND(404, "No such notification"),
    EFFECT_NOT_FOUND(404, "No such set-aside flow effect"),
    ENGINE_UNAVAILABLE(503, "The approval engine is not available");

    private final int status;
    private final String title;

    FlowProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
