package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TxWork;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

/**
 * Decides an open task in one transaction: a rejection sets {@code rejected_<node>} on the process instance (what the
 * completion condition and the outcome gateway read), the task completes and the flow moves on, then the caller's
 * work runs (it records who decided and why).
 */
record DecideTaskCmd(String taskId, boolean approve, TxWork work) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        ProcessEngine engine = context.getProcessEngineConfiguration().getProcessEngine();
        OpenTask task = OpenTasks.require(context, engine, taskId);
        if (!approve) {
            engine.getRuntimeService().setVariable(task.processInstanceId(), Tasks.REJECTED_PREFIX + task.node(),
                    Boolean.TRUE);
        }
        engine.getTaskService().complete(taskId);
        HookFailure.sql(() -> work.run(EngineCall.connectionOfCurrentCommand()));
        return null;
    }
}
