package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskClosedException;
import org.operaton.bpm.engine.ProcessEngineServices;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

/** The check every task command starts with. */
final class OpenTasks {

    private OpenTasks() {
    }

    /** The open task, or a {@link TaskClosedException} saying why it is not open. */
    static OpenTask require(CommandContext context, ProcessEngineServices engine, String taskId) {
        OpenTask task = TaskRows.byId(context, taskId);
        if (task == null) {
            throw new TaskClosedException(taskId, Tasks.closed(engine, taskId));
        }
        return task;
    }
}
