package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskWork;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

/** Runs the caller's work on an open task, then hands the task to another user, in one transaction. */
record TransferTaskCmd(String taskId, String toUser, TaskWork work) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        ProcessEngine engine = context.getProcessEngineConfiguration().getProcessEngine();
        OpenTask task = OpenTasks.require(context, engine, taskId);
        HookFailure.sql(() -> work.run(task, EngineCall.connectionOfCurrentCommand()));
        engine.getTaskService().setAssignee(taskId, toUser);
        return null;
    }
}
