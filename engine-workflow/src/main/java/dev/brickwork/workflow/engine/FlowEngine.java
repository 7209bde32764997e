package dev.brickwork.workflow.engine;

import dev.brickwork.workflow.engine.impl.OperatonEngine;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded BPMN engine (Operaton 1.0.3, configured by hand on the given datasource) behind a small API in
 * Brickwork's terms. Every method blocks and refuses to run where {@link EngineSettings#forbiddenThread()} says so.
 * History on, scripting off, and the engine resolves only the expressions of {@code RuntimeContract}, answered by
 * {@link FlowHooks}.
 *
 * <p>Each writing call is one engine transaction on one pooled connection: the engine's changes, every hook's SQL
 * and the caller's {@link TxWork} or {@link TaskWork} commit or roll back together. Failures: a
 * {@link TaskClosedException} for a task that is not open, a {@link FlowEngineException} for what the engine
 * refused, and whatever a hook, a {@code TxWork} or a {@code TaskWork} threw, unchanged.
 */
public final class FlowEngine implements AutoCloseable {

    /** How a task ended when it can no longer be decided. */
    public enum Closed { DECIDED, CANCELLED, UNKNOWN }

    /** The process variable holding the start id of {@link #start}. */
    public static final String START_ID_VARIABLE = "brickwork_start_id";
    /** A rejection of approval {@code <key>} sets the process variable {@code rejected_<key>} to true. */
    public static final String REJECTED_VARIABLE_PREFIX = "rejected_";

    private final OperatonEngine engine;
    private final EngineSettings settings;

    private FlowEngine(OperatonEngine engine, EngineSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** Starts the engine: creates or upgrades its schema, registers the hooks, starts the job executor if asked. */
    public static FlowEngine start(DataSource dataSource, EngineSettings settings, FlowHooks hooks) {
        guard(settings);
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(hooks, "hooks");
        return new FlowEngine(OperatonEngine.start(dataSource, settings.schema(), settings.jobExecutor(), hooks),
                settings);
    }

    /** Deploys a flow's BPMN as {@code <flowKey>.bpmn}; running instances keep the version they started on. */
    public Deployment deploy(String flowKey, String bpmnXml) {
        guard(settings);
        return engine.deploy(flowKey, bpmnXml);
    }

    /**
     * Starts the process definition for a record, unless an instance started with {@code startId} exists (running or
     * finished): the idempotent start of the outbox. {@code inTransaction} runs in the same engine transaction, in
     * both cases; when it throws, nothing is started.
     *
     * @return the process instance id, new or existing
     */
    public String start(String processDefinitionId, String businessKey, String startId, Map<String, Object> variables,
                        TxWork inTransaction) {
        guard(settings);
        return engine.start(processDefinitionId, Objects.requireNonNull(businessKey, "businessKey"),
                Objects.requireNonNull(startId, "startId"), variables == null ? Map.of() : variables,
                work(inTransaction));
    }

    /** The open tasks assigned to a user, oldest first, at most {@code limit} of them. */
    public List<OpenTask> tasksOf(String assignee, int limit) {
        guard(settings);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return engine.tasksOf(assignee, limit);
    }

    /** The open tasks of a record's running flow, oldest first. */
    public List<OpenTask> tasksFor(String businessKey) {
        guard(settings);
        return engine.tasksFor(businessKey);
    }

    /**
     * Why a task id that is not open is not: decided (completed by {@link #decide}: the engine's history says
     * "completed"), cancelled (its flow ended, a
     * sibling's decision ended it, or a timeout decided it) or unknown (no such task; also for a task still open).
     */
    public Closed closed(String taskId) {
        guard(settings);
        return engine.closed(taskId);
    }

    /**
     * Decides an open task. {@code beforeDeciding} runs first, in the same transaction, with the task as it is: it may
     * refuse by throwing (nothing is decided) and records who decided and why (the runtime puts it on the record's
     * timeline), since the engine keeps no task variables for it (each costs several history rows per decision). Then
     * a rejection sets the process variable {@code rejected_<node>} (what {@code brickwork.rejected} reads) and the
     * task completes.
     *
     * @throws TaskClosedException when the task is not open
     * @throws FlowEngineException {@code CONFLICT} when sibling decisions of the same approval kept changing the flow
     *                             at the same moment through three attempts (a conflict is retried here first, work
     *                             included)
     */
    public void decide(String taskId, boolean approve, TaskWork beforeDeciding) {
        guard(settings);
        engine.decide(taskId, approve, beforeDeciding == null ? TaskWork.NONE : beforeDeciding);
    }

    /**
     * Hands an open task to another user. {@code beforeTransfer} runs first, in the same transaction, and may refuse
     * by throwing. Unlike an escalation, a transfer does not call {@link FlowHooks#taskCreated}: the caller notifies
     * the new assignee in {@code beforeTransfer} if it wants to.
     *
     * @throws TaskClosedException when the task is not open
     */
    public void transfer(String taskId, String toUser, TaskWork beforeTransfer) {
        guard(settings);
        engine.transfer(taskId, Objects.requireNonNull(toUser, "toUser"),
                beforeTransfer == null ? TaskWork.NONE : beforeTransfer);
    }

    /**
     * Ends a record's running flows (withdrawn); their open tasks end with {@code reason}. {@code inTransaction} runs
     * in both cases. False when none runs.
     */
    public boolean cancel(String businessKey, String reason, TxWork inTransaction) {
        guard(settings);
        return engine.cancel(businessKey, reason, work(inTransaction));
    }

    /** Whether a flow runs for the record. */
    public boolean running(String businessKey) {
        guard(settings);
        return engine.running(businessKey);
    }

    /**
     * Fires the timers of a record's flows now, whatever their due date (tests, and an admin's "run now"), each in
     * its own transaction as the job executor would; returns how many fired.
     */
    public int fireTimers(String businessKey) {
        guard(settings);
        return engine.fireTimers(businessKey);
    }

    /** Shuts the engine and its job executor down; the tables and the flows in them stay. */
    @Override
    public void close() {
        guard(settings);
        engine.close();
    }

    private static TxWork work(TxWork inTransaction) {
        return inTransaction == null ? TxWork.NONE : inTransaction;
    }

    private static void guard(EngineSettings settings) {
        if (settings.forbiddenThread() != null && settings.forbiddenThread().getAsBoolean()) {
            throw new IllegalStateException("The workflow engine blocks: call it on a worker or virtual thread,"
                    + " not on " + Thread.currentThread().getName());
        }
    }
}
