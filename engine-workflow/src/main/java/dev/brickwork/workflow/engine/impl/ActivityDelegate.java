package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowHooks;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/** {@code brickworkNotify}, {@code brickworkUpdate} and {@code brickworkTimeout}: the hooks find the step by activity id. */
final class ActivityDelegate implements JavaDelegate {

    private final FlowHooks hooks;

    ActivityDelegate(FlowHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HookFailure.run(() -> hooks.activity(new EngineCall(execution, execution.getCurrentActivityId(), hooks)));
    }
}
