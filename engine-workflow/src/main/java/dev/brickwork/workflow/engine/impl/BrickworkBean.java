package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowHooks;
import org.operaton.bpm.engine.delegate.DelegateExecution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code brickwork} in the BPMN's expressions ({@code RuntimeContract}). Public only because the expression
 * language calls public methods; the package is internal.
 */
public final class BrickworkBean {

    private final FlowHooks hooks;

    BrickworkBean(FlowHooks hooks) {
        this.hooks = hooks;
    }

    /** {@code brickwork.condition(execution, '<id>')}: a branch condition. */
    public boolean condition(DelegateExecution execution, String conditionId) {
        return HookFailure.call(() -> hooks.condition(call(execution), conditionId));
    }

    /**
     * {@code brickwork.approvers(execution, '<key>')}: the users of an approval, each once. An empty list would make
     * the engine pass the approval with nobody asked, so it is refused.
     */
    public Collection<String> approvers(DelegateExecution execution, String nodeKey) {
        List<String> users = HookFailure.call(() -> {
            List<String> found = hooks.approvers(call(execution), nodeKey);
            if (found == null || found.isEmpty() || found.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalStateException("FlowHooks.approvers gave no users for an approval");
            }
            return found;
        });
        return new ArrayList<>(new LinkedHashSet<>(users));
    }

    /** {@code brickwork.rejected(execution, '<key>')}: whether a decision (or a timeout) rejected the approval. */
    public boolean rejected(DelegateExecution execution, String nodeKey) {
        return Boolean.TRUE.equals(execution.getVariable(Tasks.REJECTED_PREFIX + nodeKey));
    }

    private EngineCall call(DelegateExecution execution) {
        return new EngineCall(execution, execution.getCurrentActivityId(), hooks);
    }
}
