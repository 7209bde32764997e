package dev.brickwork.workflow.engine;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded BPMN engine (Operaton 1.0.3, configured by hand on the given datasource) behind a small API in
 * Brickwork's terms. Every method blocks and refuses to run where {@link EngineSettings#forbiddenThread()} says so.
 * History on, scripting off, and the engine resolves only the expressions of {@code RuntimeContract}, answered by
 * {@link FlowHooks}.
 */
public final class FlowEngine implements AutoCloseable {

    /** How a task ended when it can no longer be decided. */
    public enum Closed { DECIDED, CANCELLED, UNKNOWN }

    /** Starts the engine: creates or upgrades its schema, registers the hooks, starts the job executor if asked. */
    public static FlowEngine start(DataSource dataSource, EngineSettings settings, FlowHooks hooks) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Deploys a flow's BPMN as {@code <flowKey>.bpmn}; running instances keep the version they started on. */
    public Deployment deploy(String flowKey, String bpmnXml) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Starts the process definition for a record, unless an instance started with {@code startId} exists (running or
     * finished): the idempotent start of the outbox. {@code inTransaction} runs in the same engine transaction.
     *
     * @return the process instance id, new or existing
     */
    public String start(String processDefinitionId, String businessKey, String startId, Map<String, Object> variables,
                        TxWork inTransaction) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The open tasks assigned to a user, oldest first. */
    public List<OpenTask> tasksOf(String assignee) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The open tasks of a record's running flow. */
    public List<OpenTask> tasksFor(String businessKey) {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<OpenTask> task(String taskId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Why a task id that is not open is not: decided (completed), cancelled (its flow or sibling ended) or unknown. */
    public Closed closed(String taskId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Decides an open task: a rejection also sets the process variable {@code rejected_<node>} (what
     * {@code brickwork.rejected} reads) before completing it. The comment is kept in the engine's history.
     */
    public void decide(String taskId, boolean approve, String actor, String comment, TxWork inTransaction) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Hands an open task to another user. */
    public void transfer(String taskId, String toUser, TxWork inTransaction) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Ends a record's running flow (withdrawn); false when none runs. */
    public boolean cancel(String businessKey, String reason, TxWork inTransaction) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether a flow runs for the record. */
    public boolean running(String businessKey) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Fires the timers of a record's flow now, whatever their due date (tests, and an admin's "run now"). */
    public int fireTimers(String businessKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
