package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;

import java.util.HashMap;
import java.util.Map;

/** What a write leaves as the record held it: those values are not checked again (decision 0014). */
final class StoredLevel {

    private StoredLevel() {
    }

    /**
     * True when the write leaves the field as the stored level held it (a subtable: when no row of it changes).
     *
     * @param stored the level before the write, or null for a new one (nothing in it is untouched)
     */
    static boolean untouched(CompiledForm form, JsonNode stored, JsonNode input, String key) {
        if (stored == null) {
            return false;
        }
        JsonNode before = stored.get(key);
        JsonNode now = input.get(key);
        if (before == null || now == null) {
            return before == now;
        }
        if (before.equals(now)) {
            return true;
        }
        // the same value may come back in another JSON form: a decimal stored as "3" and sent as 3
        FieldDefinition field = form.field(key).orElse(null);
        return field != null && field.type() != FieldType.SUBTABLE
                && FieldValues.stored(field, before) instanceof FieldValues.Outcome.Ok was
                && FieldValues.stored(field, now) instanceof FieldValues.Outcome.Ok is && same(was.value(), is.value());
    }

    /** The stored rows of a subtable by id: a row sent with an id is compared with the row it updates. */
    static Map<String, JsonNode> rowsById(JsonNode stored, String key) {
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode rows = stored == null ? null : stored.get(key);
        if (rows != null && rows.isArray()) {
            rows.forEach(row -> {
                if (row.path("id").isTextual()) {
                    byId.put(row.get("id").textValue(), row);
                }
            });
        }
        return byId;
    }

    private static boolean same(Value a, Value b) {
        return a instanceof Value.Number x && b instanceof Value.Number y ? x.value().compareTo(y.value()) == 0 : a.equals(b);
    }
}
