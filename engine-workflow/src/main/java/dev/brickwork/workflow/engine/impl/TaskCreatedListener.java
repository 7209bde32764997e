package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowHooks;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;

/** Tells the hooks about every user task created, so the runtime can notify the assignee. */
final class TaskCreatedListener implements TaskListener {

    private final FlowHooks hooks;

    TaskCreatedListener(FlowHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public void notify(DelegateTask task) {
        HookFailure.run(() -> hooks.taskCreated(new EngineCall(task.getExecution(), task.getTaskDefinitionKey(), hooks),
                Tasks.of(task)));
    }
}
