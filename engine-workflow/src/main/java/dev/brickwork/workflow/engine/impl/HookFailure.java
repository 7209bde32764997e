package dev.brickwork.workflow.engine.impl;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Carries an exception thrown by Brickwork's own code (a hook, a {@code TxWork}) through the engine, which wraps what
 * passes through it (expression language, listeners), so {@link Errors} can hand the original back to the caller.
 */
final class HookFailure extends RuntimeException {

    HookFailure(Throwable cause) {
        super(null, cause, false, false);
    }

    /** Runs Brickwork code inside the engine; whatever it throws is marked as ours. */
    static <T> T call(Supplier<T> code) {
        try {
            return code.get();
        } catch (HookFailure e) {
            // already marked further down (a hook calling back into the engine which called a hook)
            throw e;
        } catch (RuntimeException e) {
            throw new HookFailure(e);
        }
    }

    static void run(Runnable code) {
        call(() -> {
            code.run();
            return null;
        });
    }

    /** SQL run for the caller inside the engine's transaction. */
    interface Sql {
        void run() throws SQLException;
    }

    static void sql(Sql code) {
        try {
            code.run();
        } catch (HookFailure e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new HookFailure(e);
        }
    }
}
