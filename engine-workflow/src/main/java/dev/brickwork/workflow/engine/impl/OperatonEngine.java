package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.Deployment;
import dev.brickwork.workflow.engine.FlowEngine.Closed;
import dev.brickwork.workflow.engine.FlowEngineException;
import dev.brickwork.workflow.engine.FlowHooks;
import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskWork;
import dev.brickwork.workflow.engine.TxWork;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The Operaton engine behind {@code FlowEngine}: every call is one engine command (one transaction) whose failures
 * {@link Errors} translates. No engine type appears in its signatures.
 */
public final class OperatonEngine implements AutoCloseable {

    /** How often a decision is tried when sibling decisions keep conflicting with it. */
    private static final int DECIDE_ATTEMPTS = 3;

    private final ProcessEngine engine;
    private final CommandExecutor commands;
    private final DataSource dataSource;
    private final String tablePrefix;

    private OperatonEngine(ProcessEngine engine, CommandExecutor commands, DataSource dataSource, String tablePrefix) {
        this.engine = engine;
        this.commands = commands;
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix;
    }

    /** Creates the schema if missing, then builds the engine, which creates or upgrades its tables in it. */
    public static OperatonEngine start(DataSource pool, String schema, boolean jobExecutor, FlowHooks hooks) {
        EngineSchema.create(pool, EngineSchema.checked(schema));
        SchemaDataSource dataSource = new SchemaDataSource(pool, schema);
        StandaloneProcessEngineConfiguration config = EngineConfiguration.of(dataSource, schema, jobExecutor, hooks);
        dataSource.schemaOperations(true);
        try {
            ProcessEngine engine = config.buildProcessEngine();
            return new OperatonEngine(engine, config.getCommandExecutorTxRequired(), dataSource,
                    config.getDatabaseTablePrefix());
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        } finally {
            dataSource.schemaOperations(false);
        }
    }

    public Deployment deploy(String flowKey, String bpmnXml) {
        return run(new DeployCmd(flowKey, bpmnXml));
    }

    public String start(String processDefinitionId, String businessKey, String startId, Map<String, Object> variables,
                        TxWork work) {
        return run(new StartFlowCmd(processDefinitionId, businessKey, startId, variables, work));
    }

    /** An inbox: one query, outside any command (a command would wrap it in a transaction of its own). */
    public List<OpenTask> tasksOf(String assignee, int limit) {
        try {
            return TaskRows.where(dataSource, tablePrefix, TaskRows.By.ASSIGNEE, assignee, limit);
        } catch (IllegalStateException e) {
            // what a command's failure would have said: the database did not answer
            throw new FlowEngineException(FlowEngineException.Code.ENGINE_FAILURE, e.getMessage(), e.getCause());
        }
    }

    public List<OpenTask> tasksFor(String businessKey) {
        return run(context -> TaskRows.where(context, TaskRows.By.BUSINESS_KEY, businessKey));
    }

    public Closed closed(String taskId) {
        return run(context -> Tasks.closed(engine, taskId));
    }

    /**
     * Two approvers of one multi-instance approval deciding at once both update its counters; the engine refuses the
     * later one with an optimistic-locking conflict after rolling its whole command (and the caller's work) back, so
     * the decision is simply run again; a task closed meanwhile then says so.
     */
    public void decide(String taskId, boolean approve, TaskWork work) {
        for (int attempt = 1; ; attempt++) {
            try {
                run(new DecideTaskCmd(taskId, approve, work));
                return;
            } catch (FlowEngineException e) {
                if (e.code() != FlowEngineException.Code.CONFLICT || attempt == DECIDE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public void transfer(String taskId, String toUser, TaskWork work) {
        run(new TransferTaskCmd(taskId, toUser, work));
    }

    public boolean cancel(String businessKey, String reason, TxWork work) {
        return run(new CancelFlowCmd(businessKey, reason, work));
    }

    public boolean running(String businessKey) {
        return run(context -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).count() > 0);
    }

    /** Each timer job runs in its own transaction, as the job executor would run it; one may remove another. */
    public int fireTimers(String businessKey) {
        ManagementService management = engine.getManagementService();
        List<ProcessInstance> running = run(context -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list());
        int fired = 0;
        for (ProcessInstance instance : running) {
            List<Job> timers = run(context -> management.createJobQuery().processInstanceId(instance.getId()).timers()
                    .list());
            for (Job timer : timers) {
                if (run(context -> management.createJobQuery().jobId(timer.getId()).count()) > 0) {
                    run(context -> {
                        management.executeJob(timer.getId());
                        return null;
                    });
                    fired++;
                }
            }
        }
        return fired;
    }

    /** Shuts the engine and its job executor down; the tables stay. */
    @Override
    public void close() {
        engine.close();
    }

    private <T> T run(Command<T> command) {
        try {
            return commands.execute(command);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }
}
