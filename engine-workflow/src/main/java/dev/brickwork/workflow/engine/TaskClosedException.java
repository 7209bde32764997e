package dev.brickwork.workflow.engine;

import java.util.NoSuchElementException;

/**
 * The task to decide or transfer is not open: decided, cancelled with its flow or by a sibling's decision, or
 * unknown. A {@link NoSuchElementException}, so a caller may treat it as "not found"; {@link #reason()} tells which.
 */
public final class TaskClosedException extends NoSuchElementException {

    private final String taskId;
    private final FlowEngine.Closed reason;

    public TaskClosedException(String taskId, FlowEngine.Closed reason) {
        super("The task is not open (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")");
        this.taskId = taskId;
        this.reason = reason;
    }

    public String taskId() {
        return taskId;
    }

    public FlowEngine.Closed reason() {
        return reason;
    }
}
