package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.model.FieldDefinition;


/** What the audit log keeps of a record change: the diff, sensitive values masked. */
final class RecordAudit {

    static final String MASK = "***";

    private RecordAudit() {
    }

    /** The audit detail of a change: its diff with the values of sensitive fields masked. */
    static ObjectNode detail(RecordContext context, ObjectNode diff) {
        ObjectNode masked = diff.deepCopy();
        for (FieldDefinition field : context.published().form().fields()) {
            if (field.sensitive() && masked.has(field.key())) {
                ObjectNode change = (ObjectNode) masked.get(field.key());
                mask(change, "from");
                mask(change, "to");
            }
        }
        return masked.isEmpty() ? masked : wrap(masked);
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
