package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.TxWork;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

/** Hands an open task to another user, then runs the caller's work, in one transaction. */
record TransferTaskCmd(String taskId, String toUser, TxWork work) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        ProcessEngine engine = context.getProcessEngineConfiguration().getProcessEngine();
        OpenTasks.require(context, engine, taskId);
        engine.getTaskService().setAssignee(taskId, toUser);
        HookFailure.sql(() -> work.run(EngineCall.connectionOfCurrentCommand()));
        return null;
    }
}
