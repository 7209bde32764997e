package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TxWork;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides an open task in one transaction: a rejection sets {@code rejected_<node>} on the process instance (what the
 * completion condition and the outcome gateway read), the decision, actor and comment become task-local variables
 * (kept in history), the task completes and the flow moves on, then the caller's work runs.
 */
record DecideTaskCmd(String taskId, boolean approve, String actor, String comment, TxWork work)
        implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        ProcessEngine engine = context.getProcessEngineConfiguration().getProcessEngine();
        TaskService tasks = engine.getTaskService();
        OpenTask task = OpenTasks.require(context, engine, taskId);
        if (!approve) {
            engine.getRuntimeService().setVariable(task.processInstanceId(), Tasks.REJECTED_PREFIX + task.node(),
                    Boolean.TRUE);
        }
        Map<String, Object> decision = new HashMap<>();
        decision.put(Tasks.DECISION, approve ? "approved" : "rejected");
        decision.put(Tasks.ACTOR, actor);
        if (comment != null && !comment.isBlank()) {
            decision.put(Tasks.COMMENT, comment);
        }
        tasks.setVariablesLocal(taskId, decision);
        tasks.complete(taskId);
        HookFailure.sql(() -> work.run(EngineCall.connectionOfCurrentCommand()));
        return null;
    }
}
