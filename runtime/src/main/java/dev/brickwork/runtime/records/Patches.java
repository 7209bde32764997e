package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a partial update to a record's fields. A subtable in the patch is the new list of rows: a row with an
 * {@code id} updates that row (only the fields it names), a row without one is added, and rows left out are removed.
 */
final class Patches {

    private Patches() {
    }

    static ObjectNode merge(FormTable table, ObjectNode current, ObjectNode patch) {
        ObjectNode merged = current.deepCopy();
        List<ProblemError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (table.subtable(field.getKey()).isPresent() && field.getValue().isArray()) {
                FormTable child = table.subtable(field.getKey()).get();
                merged.set(field.getKey(), rows(field.getKey(), child, (ArrayNode) current.path(field.getKey()),
                        (ArrayNode) field.getValue(), errors));
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw RecordInput.invalid(errors);
        }
        return merged;
    }

    static Set<String> changedKeys(ObjectNode patch) {
        Set<String> keys = new HashSet<>();
        patch.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static ArrayNode rows(String key, FormTable child, ArrayNode existing, ArrayNode wanted, List<ProblemError> errors) {
        Map<String, ObjectNode> byId = new HashMap<>();
        for (JsonNode row : existing) {
            ObjectNode kept = ((ObjectNode) row).deepCopy();
            // computed values are the engine's to set again, not values the client wrote
            child.columns().stream().filter(c -> c.field().type().isComputed()).forEach(c -> kept.remove(c.key()));
            byId.put(row.path("id").asText(), kept);
        }
        ArrayNode result = existing.arrayNode();
        for (int i = 0; i < wanted.size(); i++) {
            JsonNode row = wanted.get(i);
            if (!row.isObject() || !row.has("id") || row.get("id").isNull()) {
                result.add(row);
                continue;
            }
            ObjectNode old = byId.remove(row.get("id").asText());
            if (old == null) {
                errors.add(ProblemError.of("/fields/" + key + "/" + i + "/id", "ROW_UNKNOWN",
                        "This record has no row with this id; leave the id out to add a row."));
                continue;
            }
            ObjectNode updated = old.deepCopy();
            updated.setAll((ObjectNode) row);
            result.add(updated);
        }
        return result;
    }
}
