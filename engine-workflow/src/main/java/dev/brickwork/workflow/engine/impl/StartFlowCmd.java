package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowEngine;
import dev.brickwork.workflow.engine.FlowEngineException;
import dev.brickwork.workflow.engine.TxWork;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.exception.NotFoundException;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.impl.interceptor.Command;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The outbox's idempotent start, in one transaction: a flow started before with the same start id (running or
 * finished: history is on) is returned instead of a new one; the caller's work runs either way. An advisory lock on
 * the start id makes a concurrent second start wait and then find the first.
 */
record StartFlowCmd(String processDefinitionId, String businessKey, String startId, Map<String, Object> variables,
                    TxWork work) implements Command<String> {

    /** The process variable holding the start id. */
    static final String START_ID = FlowEngine.START_ID_VARIABLE;

    @Override
    public String execute(CommandContext context) {
        ProcessEngine engine = context.getProcessEngineConfiguration().getProcessEngine();
        Connection connection = EngineCall.connectionOfCurrentCommand();
        HookFailure.sql(() -> lock(connection));
        String earlier = earlier(context, connection);
        String id = earlier == null ? startNew(engine) : earlier;
        HookFailure.sql(() -> work.run(connection));
        return id;
    }

    private String startNew(ProcessEngine engine) {
        try {
            // the deployment cache, not a definition query: a query renders heavy dynamic SQL on every start
            engine.getRepositoryService().getProcessDefinition(processDefinitionId);
        } catch (NullValueException | NotFoundException e) {
            throw new FlowEngineException(FlowEngineException.Code.DEFINITION_UNKNOWN,
                    "No deployed flow version has this id", e);
        }
        Map<String, Object> all = new HashMap<>(variables);
        all.put(START_ID, startId);
        return engine.getRuntimeService().startProcessInstanceById(processDefinitionId, businessKey, all).getId();
    }

    /**
     * The flow started before with this start id, running or finished, from the history tables in one plain query
     * (the engine's historic query with a variable condition renders heavy dynamic SQL on every start).
     */
    private String earlier(CommandContext context, Connection connection) {
        String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
        try (PreparedStatement query = connection.prepareStatement("SELECT p.ID_ FROM " + prefix + "ACT_HI_PROCINST p"
                + " JOIN " + prefix + "ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_"
                + " WHERE p.BUSINESS_KEY_ = ? AND v.NAME_ = ? AND v.TEXT_ = ? LIMIT 1")) {
            query.setString(1, businessKey);
            query.setString(2, START_ID);
            query.setString(3, startId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Looking for an earlier start failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private void lock(Connection connection) throws java.sql.SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('brickwork_start'), hashtext(?))")) {
            lock.setString(1, startId);
            lock.executeQuery().close();
        }
    }
}
