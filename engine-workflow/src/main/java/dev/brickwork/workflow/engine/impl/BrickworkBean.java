package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowHooks;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.CommandContextListener;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code brickwork} in the BPMN's expressions ({@code RuntimeContract}). Public only because the expression
 * language calls public methods; the package is internal.
 */
public final class BrickworkBean {

    private final FlowHooks hooks;

    /**
     * The approvers resolved in the command running on this thread, by instance and node. The engine evaluates a
     * multi-instance collection once to count it and again for each instance it creates; within one command the
     * answer cannot change (a flow's record changes land after its command), so the hooks are asked once.
     */
    private final ThreadLocal<Resolved> resolved = new ThreadLocal<>();

    private record Resolved(WeakReference<CommandContext> command, Map<String, List<String>> byNode) {
    }

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
        Map<String, List<String>> known = resolvedInThisCommand();
        String key = execution.getProcessInstanceId() + "/" + nodeKey;
        List<String> cached = known.get(key);
        if (cached != null) {
            return new ArrayList<>(cached);
        }
        List<String> users = HookFailure.call(() -> {
            List<String> found = hooks.approvers(call(execution), nodeKey);
            if (found == null || found.isEmpty() || found.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalStateException("FlowHooks.approvers gave no users for an approval");
            }
            return found;
        });
        List<String> distinct = List.copyOf(new LinkedHashSet<>(users));
        known.put(key, distinct);
        return new ArrayList<>(distinct);
    }

    /** This command's answers so far; a fresh map (kept nowhere) outside a command. */
    private Map<String, List<String>> resolvedInThisCommand() {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return new HashMap<>();
        }
        Resolved current = resolved.get();
        if (current == null || current.command().get() != command) {
            current = new Resolved(new WeakReference<>(command), new HashMap<>());
            resolved.set(current);
            // pooled threads keep nothing once the command is over, whichever way it ends
            command.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext closed) {
                    resolved.remove();
                }

                @Override
                public void onCommandFailed(CommandContext failed, Throwable cause) {
                    resolved.remove();
                }
            });
        }
        return current.byNode();
    }

    /** {@code brickwork.rejected(execution, '<key>')}: whether a decision (or a timeout) rejected the approval. */
    public boolean rejected(DelegateExecution execution, String nodeKey) {
        return Boolean.TRUE.equals(execution.getVariable(Tasks.REJECTED_PREFIX + nodeKey));
    }

    private EngineCall call(DelegateExecution execution) {
        return new EngineCall(execution, execution.getCurrentActivityId(), hooks);
    }
}
