package dev.brickwork.bench;

import java.sql.SQLException;

/** One client thread's work; {@link #call()} does one operation and returns false on a failure it reported. */
interface Worker extends AutoCloseable {

    boolean call() throws Exception;

    @Override
    default void close() throws SQLException {
    }

    /** Makes the worker of client thread {@code thread}. */
    interface Factory {
        Worker create(int thread) throws Exception;
    }
}
