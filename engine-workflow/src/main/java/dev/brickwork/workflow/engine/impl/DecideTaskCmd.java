package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskWork;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

/**
 * Decides an open task in one transaction: the caller's work runs first (it may refuse, and it records who decided
 * and why), then a rejection sets {@code rejected_<node>} on the process instance (what the completion condition and
 * the outcome gateway read), and the task completes and the flow moves on.
 */
record DecideTaskCmd(String taskId, boolean approve, TaskWork work) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        ProcessEngine engine = context.getProcessEngineConfiguration().getProcessEngine();
        OpenTask task = OpenTasks.require(context, engine, taskId);
        HookFailure.sql(() -> work.run(task, EngineCall.connectionOfCurrentCommand()));
        if (!approve) {
            engine.getRuntimeService().setVariable(task.processInstanceId(), Tasks.REJECTED_PREFIX + task.node(),
                    Boolean.TRUE);
        }
        engine.getTaskService().complete(taskId);
        return null;
    }
}
