package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowEngineException;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Enlists Brickwork's SQL in the engine's transaction. The engine commits and rolls back through MyBatis, which does
 * either only when it saw the engine write: a command in which only Brickwork wrote (an idempotent start finding its
 * flow, then deleting the outbox row) would not be committed, and Brickwork's writes before a failure would not be
 * rolled back, so a pool resetting auto-commit could commit them. Once a command hands its connection to Brickwork
 * code, this commits it when the engine commits and rolls it back when the engine rolls back.
 */
final class BrickworkTransaction {

    /** The command whose connection has listeners already; hooks may ask for it many times in one command. */
    private static final ThreadLocal<CommandContext> ENLISTED = new ThreadLocal<>();

    private BrickworkTransaction() {
    }

    /** The connection of the command running on this thread, enlisted so its transaction ends with the engine's. */
    static Connection connection(CommandContext context) {
        Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
        if (ENLISTED.get() != context) {
            ENLISTED.set(context);
            context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
                    committing -> end(connection, true));
            context.getTransactionContext().addTransactionListener(TransactionState.ROLLINGBACK,
                    rollingBack -> end(connection, false));
        }
        return connection;
    }

    private static void end(Connection connection, boolean commit) {
        ENLISTED.remove();
        try {
            if (!connection.getAutoCommit()) {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            // the commit carries the engine's rows as well as ours, so its failure is the engine's: the command fails
            // (and rolls back, if the connection still can); a failed rollback leaves a broken connection the pool drops
            throw new FlowEngineException(FlowEngineException.Code.ENGINE_FAILURE,
                    "The engine's transaction could not be committed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
