package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskClosedException;
import org.operaton.bpm.engine.ProcessEngineServices;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;

/** The check every task command starts with. */
final class OpenTasks {

    private OpenTasks() {
    }

    /**
     * The open task, or a {@link TaskClosedException} saying why it is not open. Loaded by id into the command's
     * entity cache (one plain select), so the engine's own calls on it in this command see the same entity, and a
     * call that closed it meanwhile shows up as an optimistic-locking conflict at flush rather than a missing task.
     */
    static OpenTask require(CommandContext context, ProcessEngineServices engine, String taskId) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            throw new TaskClosedException(taskId, Tasks.closed(engine, taskId));
        }
        // the instance is loaded into the same cache, where completing the task looks for it anyway
        return new OpenTask(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                task.getProcessInstance().getBusinessKey(),
                task.getTaskDefinitionKey(), task.getAssignee(), task.getCreateTime().toInstant());
    }
}
