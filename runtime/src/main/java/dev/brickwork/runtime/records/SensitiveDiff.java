package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.crypto.SealedJson;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where a change's diff holds values of sensitive fields: both sides of a sensitive field's change, and the sensitive
 * cells of the subtable rows on both sides of a subtable's change. The audit log masks them; the timeline seals them.
 */
final class SensitiveDiff {

    private SensitiveDiff() {
    }

    /** A copy of the diff with every sensitive value (not null) replaced by {@code change}. */
    static ObjectNode replace(FormTable table, ObjectNode diff, UnaryOperator<JsonNode> change) {
        ObjectNode copy = diff.deepCopy();
        for (Column column : table.columns()) {
            if (sensitive(column) && copy.get(column.key()) instanceof ObjectNode sides) {
                List<String> names = new ArrayList<>();
                sides.fieldNames().forEachRemaining(names::add);
                names.forEach(side -> sides.set(side, replaced(sides.get(side), change)));
            }
        }
        for (Map.Entry<String, FormTable> subtable : table.subtables().entrySet()) {
            if (subtable.getValue().columns().stream().anyMatch(SensitiveDiff::sensitive)
                    && copy.get(subtable.getKey()) instanceof ObjectNode sides) {
                sides.forEach(rows -> rows.forEach(row -> cells(subtable.getValue(), row, change)));
            }
        }
        return copy;
    }

    /** The diff as the timeline stores it: sensitive values sealed with the table's cipher. */
    static ObjectNode sealed(FormTable table, ObjectNode diff) {
        if (!hasSensitive(table)) {
            return diff;
        }
        return replace(table, diff, value -> SealedJson.seal(table.cipher(), value));
    }

    private static void cells(FormTable rows, JsonNode row, UnaryOperator<JsonNode> change) {
        if (row instanceof ObjectNode cells) {
            for (Column column : rows.columns()) {
                if (sensitive(column) && cells.has(column.key())) {
                    cells.set(column.key(), replaced(cells.get(column.key()), change));
                }
            }
        }
    }

    private static JsonNode replaced(JsonNode value, UnaryOperator<JsonNode> change) {
        return value == null || value.isNull() ? value : change.apply(value);
    }

    // the field's flag, not its column's type: a sensitive field of a type stored in clear is still masked and sealed
    private static boolean sensitive(Column column) {
        return column.field().sensitive();
    }

    private static boolean hasSensitive(FormTable table) {
        return table.columns().stream().anyMatch(SensitiveDiff::sensitive)
                || table.subtables().values().stream().anyMatch(SensitiveDiff::hasSensitive);
    }
}
