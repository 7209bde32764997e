package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.UUID;

/** Each record write in the audit log, in the write's transaction, with sensitive values masked in the diff. */
final class RecordAudit {

    static final String MASK = "***";

    private RecordAudit() {
    }

    static Uni<Void> append(AuditLog log, SqlConnection connection, RecordContext context, String action, UUID record,
                            ObjectNode diff) {
        ObjectNode masked = diff.deepCopy();
        for (FieldDefinition field : context.published().form().fields()) {
            if (field.sensitive() && masked.has(field.key())) {
                ObjectNode change = (ObjectNode) masked.get(field.key());
                mask(change, "from");
                mask(change, "to");
            }
        }
        AuditEntry entry = AuditEntry.of("record." + action, context.access().caller().id(), context.access().caller().name())
                .onRecord(context.appKey(), context.formKey(), record)
                .with(masked.isEmpty() ? masked : wrap(masked));
        return log.append(connection, entry);
    }

    private static ObjectNode wrap(ObjectNode diff) {
        ObjectNode detail = diff.objectNode();
        detail.set("changes", diff);
        return detail;
    }

    private static void mask(ObjectNode change, String side) {
        JsonNode value = change.get(side);
        if (value != null && !value.isNull()) {
            change.put(side, MASK);
        }
    }
}
