package dev.brickwork.workflow.engine.impl;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The engine's view of the shared pool. Every statement the engine runs names its schema through the table prefix,
 * except its DDL scripts (create and upgrade), which use bare table names. So while the engine creates or upgrades
 * its schema (only inside {@code buildProcessEngine}), each connection handed out has {@code search_path} set to the
 * engine schema, and gets its own {@code search_path} back before it returns to the pool; afterwards connections
 * pass through untouched, so the pool (which Flyway and the runtime share) never sees a changed session.
 */
final class SchemaDataSource implements DataSource {

    private final DataSource pool;
    private final String schema;
    private volatile boolean schemaOperations;

    SchemaDataSource(DataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
    }

    /** While true, connections point {@code search_path} at the engine schema. */
    void schemaOperations(boolean on) {
        this.schemaOperations = on;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return schemaOperations ? onSchema(pool.getConnection()) : pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return schemaOperations ? onSchema(pool.getConnection(username, password))
                : pool.getConnection(username, password);
    }

    private Connection onSchema(Connection connection) throws SQLException {
        String original;
        try {
            original = searchPath(connection, null);
            searchPath(connection, "\"" + schema + "\"");
            if (!connection.getAutoCommit()) {
                // a rollback later must not take the setting back while the DDL still runs
                connection.commit();
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Restoring(connection, original));
    }

    /** Reads the session's {@code search_path} (value null) or sets it; returns the value it has then. */
    private static String searchPath(Connection connection, String value) throws SQLException {
        String sql = value == null ? "SELECT current_setting('search_path')" : "SELECT set_config('search_path', ?, false)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (value != null) {
                statement.setString(1, value);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Gives the connection its {@code search_path} back on close; a connection that cannot be reset is aborted. */
    private record Restoring(Connection connection, String original) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                restore();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void restore() throws SQLException {
            if (connection.isClosed()) {
                return;
            }
            try {
                boolean transaction = !connection.getAutoCommit();
                if (transaction) {
                    // uncommitted work on a connection being closed is lost anyway; the reset must be committed
                    connection.rollback();
                }
                searchPath(connection, original);
                if (transaction) {
                    connection.commit();
                }
            } catch (SQLException e) {
                // never return a connection with the engine's search_path to the shared pool
                connection.abort(Runnable::run);
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
