package dev.brickwork.workflow.engine;

/**
 * A {@link FlowEngine} call the engine refused or failed, with a code to act on. The message is safe to show (no
 * BPMN content, no SQL, no class names); the engine's own exception, if any, is the cause, for the log only.
 * Exceptions thrown by {@link FlowHooks} or by a {@link TxWork}'s own code are not wrapped: they reach the caller as
 * they were thrown, and everything the call did is rolled back.
 */
public final class FlowEngineException extends RuntimeException {

    /** What went wrong. */
    public enum Code {
        /** the BPMN could not be deployed (not parseable, not executable, not the flow's process) */
        BPMN_INVALID,
        /** no deployed process definition has the id given */
        DEFINITION_UNKNOWN,
        /** an expression names something the engine does not resolve (only Brickwork's own names resolve) */
        EXPRESSION_UNKNOWN,
        /** another call changed the same flow at the same time; the call may be retried */
        CONFLICT,
        /** the SQL of a {@link TxWork} failed; the {@link java.sql.SQLException} is the cause */
        TX_WORK_FAILED,
        /** the schema setting is not a safe PostgreSQL schema name, or the schema could not be prepared */
        SCHEMA_INVALID,
        /** anything else the engine refused */
        ENGINE_FAILURE
    }

    private final Code code;

    public FlowEngineException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
