package dev.brickwork.runtime.gdpr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import dev.brickwork.runtime.records.sql.SensitiveValues;
import dev.brickwork.runtime.records.sql.SqlValues;
import io.vertx.mutiny.sqlclient.Row;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored record as the records API shows it (SPEC §4), every field included and sensitive ones decrypted. The
 * records package keeps its own renderer package-private; this one follows it field for field.
 */
final class RecordShape {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordShape() {
    }

    static ObjectNode record(FormTable table, Row row, Map<String, List<Row>> children) {
        ObjectNode record = JSON.objectNode();
        record.put("id", row.getUUID("id").toString());
        record.put("version", row.getInteger("version"));
        record.put("createdAt", SqlValues.instant(row.getOffsetDateTime("created_at")));
        record.put("updatedAt", SqlValues.instant(row.getOffsetDateTime("updated_at")));
        record.put("createdBy", text(row.getUUID("created_by")));
        record.put("owner", text(row.getUUID("owner")));
        record.put("approval", row.getString("approval"));
        if (row.getValue("deleted_at") != null) {
            record.put("deletedAt", SqlValues.instant(row.getOffsetDateTime("deleted_at")));
        }
        record.set("fields", fields(table, row, children));
        return record;
    }

    private static ObjectNode fields(FormTable table, Row row, Map<String, List<Row>> children) {
        ObjectNode fields = JSON.objectNode();
        table.form().fields().forEach(field -> {
            table.column(field.key()).ifPresent(column -> fields.set(column.key(), value(table, row, column)));
            table.subtable(field.key()).ifPresent(child -> {
                ArrayNode items = fields.putArray(field.key());
                for (Row line : children.getOrDefault(field.key(), List.of())) {
                    ObjectNode item = items.addObject();
                    item.put("id", line.getUUID("id").toString());
                    child.columns().forEach(c -> item.set(c.key(), value(child, line, c)));
                }
            });
        });
        return fields;
    }

    private static JsonNode value(FormTable table, Row row, Column column) {
        return column.encrypted() ? SensitiveValues.json(table, row, column)
                : SqlValues.json(row, column.key(), column.type(), column.field().type());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
