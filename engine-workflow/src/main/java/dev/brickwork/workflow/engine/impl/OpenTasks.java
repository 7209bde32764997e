package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.TaskClosedException;
import org.operaton.bpm.engine.ProcessEngineServices;
import org.operaton.bpm.engine.task.Task;

/** The check every task command starts with. */
final class OpenTasks {

    private OpenTasks() {
    }

    /** The open task, or a {@link TaskClosedException} saying why it is not open. */
    static Task require(ProcessEngineServices engine, String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskClosedException(taskId, Tasks.closed(engine, taskId));
        }
        return task;
    }
}
