package dev.brickwork.runtime.gdpr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The erase's part in the audit log: the subject's earlier record entries keep who did what when, but the values in
 * their {@code changes} are redacted as the timeline's are ({@link TimelineRedaction#redact}). The log's trigger
 * allows this one change only to a transaction that has named the record.
 */
final class AuditRedaction {

    private AuditRedaction() {
    }

    /** Rewrites the subject's audit diffs in the erase's transaction; the number of entries that changed. */
    static Uni<Integer> apply(SqlConnection connection, Subject subject) {
        return connection.preparedQuery("SELECT set_config('brickwork.audit_redact_record', $1, true)")
                .execute(Tuple.of(subject.id().toString()))
                .chain(() -> connection.preparedQuery("SELECT id, detail::text FROM brickwork.audit_log WHERE record_id = $1"
                                + " AND app_key = $2 AND form_key = $3 AND detail ? 'changes'")
                        .execute(Tuple.of(subject.id(), subject.appKey(), subject.formKey())))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        ObjectNode detail = (ObjectNode) JsonBodies.parse(row.getString(1));
                        JsonNode changes = detail.get("changes");
                        ObjectNode redacted = TimelineRedaction.redact(changes);
                        if (!redacted.equals(changes)) {
                            detail.set("changes", redacted);
                            updates.add(Tuple.of(row.getUUID(0), detail.toString()));
                        }
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return connection.preparedQuery("UPDATE brickwork.audit_log SET detail = $2::text::jsonb WHERE id = $1")
                            .executeBatch(updates).replaceWith(updates.size());
                });
    }
}
