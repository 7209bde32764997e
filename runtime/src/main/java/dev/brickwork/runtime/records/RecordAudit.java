package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;


/** What the audit log keeps of a record change: the diff, sensitive values masked (subtable cells too). */
final class RecordAudit {

    static final String MASK = "***";

    private RecordAudit() {
    }

    /** The audit detail of a change: its diff with the values of sensitive fields masked. */
    static ObjectNode detail(RecordContext context, ObjectNode diff) {
        ObjectNode masked = SensitiveDiff.replace(context.table(), diff, value -> JsonNodeFactory.instance.textNode(MASK));
        return masked.isEmpty() ? masked : wrap(masked);
    }

    private static ObjectNode wrap(ObjectNode diff) {
        ObjectNode detail = diff.objectNode();
        detail.set("changes", diff);
        return detail;
    }
}
