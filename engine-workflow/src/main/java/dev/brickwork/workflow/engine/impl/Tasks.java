package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowEngine;
import dev.brickwork.workflow.engine.FlowEngine.Closed;
import dev.brickwork.workflow.engine.OpenTask;
import org.operaton.bpm.engine.ProcessEngineServices;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.history.HistoricTaskInstance;

/** Engine tasks as {@link OpenTask}s, and why a task is closed. */
final class Tasks {

    /** The delete reason the engine's history gives a task that was completed (by {@code decide}). */
    private static final String COMPLETED = "completed";
    /** The process variable a rejection of approval {@code <key>} sets; {@code brickwork.rejected} reads it. */
    static final String REJECTED_PREFIX = FlowEngine.REJECTED_VARIABLE_PREFIX;

    private Tasks() {
    }

    static OpenTask of(DelegateTask task) {
        return new OpenTask(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(), task.getAssignee(),
                task.getCreateTime().toInstant());
    }

    /** Decided: completed (only {@code decide} completes tasks); cancelled: ended any other way; unknown: no such task, or open. */
    static Closed closed(ProcessEngineServices engine, String taskId) {
        HistoricTaskInstance task = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
                .singleResult();
        if (task == null || task.getEndTime() == null) {
            return Closed.UNKNOWN;
        }
        return COMPLETED.equals(task.getDeleteReason()) ? Closed.DECIDED : Closed.CANCELLED;
    }
}
