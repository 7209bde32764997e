package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowEngineException;
import dev.brickwork.workflow.engine.FlowEngineException.Code;
import dev.brickwork.workflow.engine.TaskClosedException;
import jakarta.el.MethodNotFoundException;
import jakarta.el.PropertyNotFoundException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;

import java.sql.SQLException;

/**
 * The one place engine exceptions become Brickwork's: the caller's own exceptions (from hooks and TxWork) come back
 * unchanged, the engine's become a {@link FlowEngineException} whose message holds nothing of the BPMN or the SQL.
 */
final class Errors {

    private Errors() {
    }

    static RuntimeException translate(RuntimeException thrown) {
        if (thrown instanceof TaskClosedException || thrown instanceof FlowEngineException) {
            return thrown;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HookFailure) {
                return ours(t.getCause());
            }
        }
        if (has(thrown, OptimisticLockingException.class)) {
            return new FlowEngineException(Code.CONFLICT, "The flow was changed by another call at the same time", thrown);
        }
        if (has(thrown, PropertyNotFoundException.class) || has(thrown, MethodNotFoundException.class)) {
            return new FlowEngineException(Code.EXPRESSION_UNKNOWN,
                    "The flow uses an expression the engine does not resolve", thrown);
        }
        return new FlowEngineException(Code.ENGINE_FAILURE, "The workflow engine could not carry out the call", thrown);
    }

    private static RuntimeException ours(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return new FlowEngineException(Code.TX_WORK_FAILED,
                    "The work done in the engine's transaction failed (SQLSTATE " + sql.getSQLState() + ")", sql);
        }
        if (cause instanceof ProcessEngineException engine) {
            // the engine refused something a hook asked of it through FlowCall (say, reassigning a closed task)
            return translate(engine);
        }
        return (RuntimeException) cause;
    }

    private static boolean has(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
