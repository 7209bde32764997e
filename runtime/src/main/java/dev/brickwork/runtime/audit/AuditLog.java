package dev.brickwork.runtime.audit;

import dev.brickwork.platform.Ids;
import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Appends to the audit log. Writes that change data append inside their own transaction (pass its connection),
 * so an entry exists exactly when the change does; other events (logins) append on their own.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, form_key,"
            + " record_id, address, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb)";

    @Inject
    Pool pool;

    @Inject
    AgroalDataSource dataSource;

    /** Appends through the given client: a transaction's connection, or the pool. */
    public Uni<Void> append(SqlClient client, AuditEntry entry) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(Ids.newId(), entry.actor(), entry.actorName(),
                        entry.action(), entry.appKey(), entry.formKey(), entry.recordId(), entry.address(),
                        entry.detail().toString())))
                .replaceWithVoid();
    }

    public Uni<Void> append(AuditEntry entry) {
        return append(pool, entry);
    }

    /** For blocking callers (login, admin calls on worker threads), optionally inside their JDBC transaction. */
    public void appendBlocking(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT.replaceAll("\\$\\d+", "?"))) {
            insert.setObject(1, Ids.newId());
            insert.setObject(2, entry.actor());
            insert.setString(3, entry.actorName());
            insert.setString(4, entry.action());
            insert.setString(5, entry.appKey());
            insert.setString(6, entry.formKey());
            insert.setObject(7, entry.recordId());
            insert.setString(8, entry.address());
            insert.setString(9, entry.detail().toString());
            insert.executeUpdate();
        }
    }

    public void appendBlocking(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection()) {
            appendBlocking(connection, entry);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
