package dev.brickwork.workflow.engine;

import java.util.List;

/**
 * What the engine asks of the runtime while it runs a flow: the implementation of {@code RuntimeContract}. Every
 * method runs on an engine thread (the caller of a {@link FlowEngine} method, or the job executor for timers)
 * inside the engine's transaction; whatever it writes through {@link FlowCall#connection()} commits or rolls back
 * with the engine's own state. A method that throws rolls the engine's step back (a timer job is retried).
 */
public interface FlowHooks {

    /** {@code brickwork.condition}: whether branch condition {@code conditionId} holds for the record. */
    boolean condition(FlowCall call, String conditionId);

    /** {@code brickwork.approvers}: user ids for approval {@code nodeKey} (or {@code <key>.escalation}); never empty. */
    List<String> approvers(FlowCall call, String nodeKey);

    /** A service task ({@code brickworkNotify}, {@code brickworkUpdate}, {@code brickworkTimeout}) at {@code call.activityId()}. */
    void activity(FlowCall call);

    /** A user task was created (or reassigned by an escalation) for {@code task.assignee()}: notify them. */
    void taskCreated(FlowCall call, OpenTask task);
}
