package dev.brickwork.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** SQL run on the engine's JDBC connection inside the engine's transaction, so it commits with the engine's step. */
@FunctionalInterface
public interface TxWork {

    TxWork NONE = connection -> {
    };

    void run(Connection connection) throws SQLException;
}
