package dev.brickwork.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The caller's part of deciding or transferring a task, run in the engine's transaction before the engine acts on
 * the task: checks that refuse by throwing (whose task it is, whether its record still waits), and SQL on the
 * engine's connection that commits with the step. One transaction and one look-up of the task serve both.
 */
@FunctionalInterface
public interface TaskWork {

    TaskWork NONE = (task, connection) -> {
    };

    /** {@code task} is open, with its flow's business key. */
    void run(OpenTask task, Connection connection) throws SQLException;
}
