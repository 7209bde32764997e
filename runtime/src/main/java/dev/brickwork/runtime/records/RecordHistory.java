package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Writes what a record change leaves behind, in the change's transaction and in one statement: the record's
 * timeline entry (the full diff, sensitive values sealed, shown to those who may read the fields) and the audit log
 * entry (the same diff with sensitive values masked).
 */
final class RecordHistory {

    private static final Map<String, String> AUDIT_ACTIONS = Map.ofEntries(
            Map.entry("create", "record.created"), Map.entry("update", "record.updated"),
            Map.entry("delete", "record.deleted"), Map.entry("restore", "record.restored"),
            Map.entry("submit", "approval.submitted"), Map.entry("withdraw", "approval.withdrawn"),
            Map.entry("flow.update", "approval.record-updated"), Map.entry("flow.approved", "approval.approved"),
            Map.entry("flow.rejected", "approval.rejected"), Map.entry("flow.step", "approval.step"));

    private static final String SQL = "WITH timeline AS (INSERT INTO brickwork.record_changes"
            + " (id, app_key, form_key, record_id, version, action, actor, diff, detail, at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $13::text::jsonb, coalesce($14, now())))"
            + " INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, form_key, record_id, detail)"
            + " VALUES ($9, $7, $10, $11, $2, $3, $4, $12::text::jsonb)";

    /**
     * The same two entries for a flow step that changes nothing on the record, in JDBC on the engine's connection: the
     * record's version read in the same statement, and nothing written when the record is gone. Stamped with the
     * clock, not the transaction's start, so a decision and the next step's task, written in one engine transaction,
     * show on the timeline in the order they happened.
     */
    private static final String NOTE_SQL = "WITH record AS (SELECT version FROM %s WHERE id = ?::uuid),"
            + " timeline AS (INSERT INTO brickwork.record_changes"
            + " (id, app_key, form_key, record_id, version, action, actor, diff, detail, at)"
            + " SELECT ?::uuid, ?::text, ?::text, ?::uuid, version, ?::text, ?::uuid, '{}'::jsonb, ?::jsonb, clock_timestamp()"
            + " FROM record)"
            + " INSERT INTO brickwork.audit_log (id, actor, actor_name, action, app_key, form_key, record_id, detail)"
            + " SELECT ?::uuid, ?::uuid, ?::text, ?::text, ?::text, ?::text, ?::uuid, ?::jsonb FROM record";

    private RecordHistory() {
    }

    /** A flow step's timeline and audit entry without a change (a decision, a new task), on the engine's connection. */
    static void appendNote(Connection connection, RecordContext context, UUID record, String action, ObjectNode detail,
                           UUID actor, String actorName) throws SQLException {
        ObjectNode audit = detail.objectNode();
        audit.set("flow", detail);
        String actorText = actor == null ? null : actor.toString();
        try (PreparedStatement insert = connection.prepareStatement(NOTE_SQL.formatted(context.table().qualified()))) {
            Object[] values = {record.toString(), Ids.newId().toString(), context.appKey(), context.formKey(),
                    record.toString(), action, actorText, detail.toString(), Ids.newId().toString(), actorText, actorName,
                    AUDIT_ACTIONS.getOrDefault(action, "record." + action), context.appKey(), context.formKey(),
                    record.toString(), audit.toString()};
            for (int i = 0; i < values.length; i++) {
                insert.setString(i + 1, (String) values[i]);
            }
            insert.executeUpdate();
        }
    }

    static Uni<Void> append(SqlConnection connection, RecordContext context, UUID record, int version, String action,
                            ObjectNode diff) {
        return append(connection, context, record, version, action, diff, null, null);
    }

    /**
     * As above with what a flow step adds beside the diff ({@code flow}, {@code node}, {@code comment}, …): shown on
     * the timeline and copied into the audit entry. {@code at}: when the step happened, for a change a flow step made
     * and that lands later (an effect), so it sorts among the step's notes; null for now.
     */
    static Uni<Void> append(SqlConnection connection, RecordContext context, UUID record, int version, String action,
                            ObjectNode diff, ObjectNode detail, OffsetDateTime at) {
        UUID actor = context.access().caller().id();
        ObjectNode audit = RecordAudit.detail(context, diff);
        if (detail != null) {
            audit.set("flow", detail);
        }
        return connection.preparedQuery(SQL).execute(Tuple.from(Arrays.asList(
                        Ids.newId(), context.appKey(), context.formKey(), record, version, action, actor,
                        SensitiveDiff.sealed(context.table(), diff).toString(),
                        Ids.newId(), context.access().caller().name(), AUDIT_ACTIONS.getOrDefault(action, "record." + action),
                        audit.toString(), detail == null ? null : detail.toString(), at)))
                .replaceWithVoid();
    }
}
