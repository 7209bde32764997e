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
 * so an entry exists exactly when the change does; other events (logins) append on their own, and repeated failures
 * are tallied in one row per window instead (decision 0015).
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, form_key,"
            + " record_id, address, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb)";

    /**
     * A tally: the first event of its key inserts the row, each later one adds an attempt, notes when it happened and
     * (up to {@link #TALLY_NAMES} distinct ones) the name it tried. The trigger lets nothing else of the row change.
     */
    private static final String TALLY = "INSERT INTO brickwork.audit_log (id, actor, actor_name, action, address, tally_key, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, jsonb_build_object('attempts', 1, 'lastAt', now(), 'names', jsonb_build_array(?::text)))"
            + " ON CONFLICT (tally_key) WHERE tally_key IS NOT NULL DO UPDATE SET detail = jsonb_build_object("
            + "'attempts', (audit_log.detail->>'attempts')::int + 1, 'lastAt', now(), 'names',"
            + " CASE WHEN (audit_log.detail->'names') @> (EXCLUDED.detail->'names')"
            + " OR jsonb_array_length(audit_log.detail->'names') >= " + AuditLog.TALLY_NAMES
            + " THEN audit_log.detail->'names' ELSE (audit_log.detail->'names') || (EXCLUDED.detail->'names') END)";

    /** How many distinct names a tally lists; the attempts count them all. */
    static final int TALLY_NAMES = 20;

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

    /**
     * Counts a repeated event (a failed or throttled login) in the one row of {@code tallyKey} rather than appending a
     * row per event: {@code detail} becomes {@code {"attempts": n, "lastAt": …, "names": [...]}}, {@code at} stays the
     * first event's time. The key should name a time window, so that each window gets a row of its own.
     */
    public void tallyBlocking(Connection connection, AuditEntry entry, String tallyKey, String name) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(TALLY)) {
            upsert.setObject(1, Ids.newId());
            upsert.setObject(2, entry.actor());
            upsert.setString(3, entry.actorName());
            upsert.setString(4, entry.action());
            upsert.setString(5, entry.address());
            upsert.setString(6, tallyKey);
            upsert.setString(7, name);
            upsert.executeUpdate();
        }
    }

    public void tallyBlocking(AuditEntry entry, String tallyKey, String name) {
        try (Connection connection = dataSource.getConnection()) {
            tallyBlocking(connection, entry, tallyKey, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log (SQLSTATE " + e.getSQLState() + ")", e);
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
