package dev.brickwork.workflow.engine;

import java.sql.Connection;
import java.util.List;

/**
 * One call from the engine into {@link FlowHooks}, without engine types: which flow instance, where it stands, its
 * variables, and the engine transaction's JDBC connection.
 */
public interface FlowCall {

    /** The deployed process definition's id; {@link Deployment#processDefinitionId()} of the version running. */
    String processDefinitionId();

    String processInstanceId();

    /** The record id: every Brickwork flow instance is started with the record as its business key. */
    String businessKey();

    /** The BPMN activity being executed (a service task's id, a user task's id for task events). */
    String activityId();

    Object variable(String name);

    /** Sets a variable on the process instance. */
    void setVariable(String name, Object value);

    /** The engine's own JDBC connection, inside its transaction; never commit or close it. */
    Connection connection();

    /** The open tasks of this process instance, oldest first (as committed before this call began). */
    List<OpenTask> openTasks();

    /**
     * Hands an open task of this process instance to another user inside the engine's transaction (how a timeout's
     * {@code escalate} is carried out), then calls {@link FlowHooks#taskCreated} for the new assignee.
     *
     * @throws TaskClosedException when the task is not an open task of this process instance
     */
    void reassign(String taskId, String user);
}
