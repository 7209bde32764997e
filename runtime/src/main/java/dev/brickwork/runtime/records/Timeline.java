package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** The field-level diff a record's timeline keeps for each change. */
final class Timeline {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Timeline() {
    }

    /** Field to {@code {"from", "to"}} for every field whose value differs; {@code before} null for a create. */
    static ObjectNode diff(JsonNode before, JsonNode after) {
        ObjectNode diff = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = after.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = before == null ? JSON.nullNode() : before.path(field.getKey());
            JsonNode now = field.getValue();
            if (old.isMissingNode()) {
                old = JSON.nullNode();
            }
            if (!old.equals(now) && !(before == null && (now.isNull() || now.isArray() && now.isEmpty()))) {
                ObjectNode change = JSON.objectNode();
                change.set("from", old);
                change.set("to", now);
                diff.set(field.getKey(), change);
            }
        }
        return diff;
    }
}
