package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.TxWork;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.runtime.ProcessInstance;

import java.util.List;

/**
 * Ends every running flow of a record (its open tasks end with {@code reason}), then runs the caller's work, which
 * runs even when nothing was running so an outbox row can be marked done.
 */
record CancelFlowCmd(String businessKey, String reason, TxWork work) implements Command<Boolean> {

    @Override
    public Boolean execute(CommandContext context) {
        RuntimeService runtime = context.getProcessEngineConfiguration().getRuntimeService();
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list();
        for (ProcessInstance instance : running) {
            runtime.deleteProcessInstance(instance.getId(), reason);
        }
        HookFailure.sql(() -> work.run(EngineCall.connectionOfCurrentCommand()));
        return !running.isEmpty();
    }
}
