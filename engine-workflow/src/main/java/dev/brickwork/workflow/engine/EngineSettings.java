package dev.brickwork.workflow.engine;

import java.util.function.BooleanSupplier;

/**
 * How the engine is set up.
 *
 * @param schema         the PostgreSQL schema holding the engine's tables (created when missing)
 * @param jobExecutor    whether timers fire by themselves (off in tests that fire them with {@link FlowEngine#fireTimers})
 * @param forbiddenThread true when the current thread must not block (the runtime passes "is a Vert.x event loop");
 *                       every engine call checks it, since a blocking call there succeeds silently
 */
public record EngineSettings(String schema, boolean jobExecutor, BooleanSupplier forbiddenThread) {
}
