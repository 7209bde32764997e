package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowCall;
import dev.brickwork.workflow.engine.FlowEngine;
import dev.brickwork.workflow.engine.FlowHooks;
import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskClosedException;
import org.operaton.bpm.engine.ProcessEngineServices;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.impl.context.Context;

import java.sql.Connection;
import java.util.List;

/** A {@link FlowCall} over the execution the engine is running, at {@code activityId}. */
final class EngineCall implements FlowCall {

    private final DelegateExecution execution;
    private final String activityId;
    private final FlowHooks hooks;

    EngineCall(DelegateExecution execution, String activityId, FlowHooks hooks) {
        this.execution = execution;
        this.activityId = activityId;
        this.hooks = hooks;
    }

    @Override
    public String processDefinitionId() {
        return execution.getProcessDefinitionId();
    }

    @Override
    public String processInstanceId() {
        return execution.getProcessInstanceId();
    }

    @Override
    public String businessKey() {
        return execution.getProcessBusinessKey();
    }

    @Override
    public String activityId() {
        return activityId;
    }

    @Override
    public Object variable(String name) {
        return execution.getVariable(name);
    }

    @Override
    public void setVariable(String name, Object value) {
        execution.getProcessInstance().setVariable(name, value);
    }

    @Override
    public Connection connection() {
        return connectionOfCurrentCommand();
    }

    @Override
    public List<OpenTask> openTasks() {
        return TaskRows.where(Context.getCommandContext(), TaskRows.By.PROCESS_INSTANCE, processInstanceId());
    }

    @Override
    public void reassign(String taskId, String user) {
        OpenTask task = OpenTasks.require(Context.getCommandContext(), engine(), taskId);
        if (!processInstanceId().equals(task.processInstanceId())) {
            throw new TaskClosedException(taskId, FlowEngine.Closed.UNKNOWN);
        }
        engine().getTaskService().setAssignee(taskId, user);
        OpenTask reassigned = new OpenTask(task.id(), task.processInstanceId(), task.processDefinitionId(),
                businessKey(), task.node(), user, task.created());
        HookFailure.run(() -> hooks.taskCreated(new EngineCall(execution, task.node(), hooks), reassigned));
    }

    private ProcessEngineServices engine() {
        return execution.getProcessEngineServices();
    }

    /** The JDBC connection of the engine command running on this thread, enlisted in the engine's transaction. */
    static Connection connectionOfCurrentCommand() {
        if (Context.getCommandContext() == null) {
            throw new IllegalStateException("No engine command runs on this thread");
        }
        return BrickworkTransaction.connection(Context.getCommandContext());
    }
}
