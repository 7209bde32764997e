package dev.brickwork.runtime.admin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;

/** One JDBC transaction per admin write: the change and its audit entry commit together or not at all. */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        // the SQLSTATE is enough to diagnose; the message may quote data and goes only to the log, via the cause
        return new IllegalStateException("Database call failed (SQLSTATE " + e.getSQLState() + ")", e);
    }
}
