package dev.brickwork.runtime.records;

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

/** Shapes stored rows as the API's record (docs/spec.md §4); also what a GDPR export hands out. */
public final class RecordJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordJson() {
    }

    /**
     * @param rows each subtable's rows of this record, in order
     */
    /**
     * @param rows each subtable's rows of this record, in order
     */
    public static ObjectNode record(FormTable table, Row row, Map<String, List<Row>> rows) {
        return record(table, row, rows, RowLayout.of(table, row));
    }

    /** As above, with the column positions of {@code row}'s result already looked up (every row of a page shares them). */
    static ObjectNode record(FormTable table, Row row, Map<String, List<Row>> rows, RowLayout layout) {
        ObjectNode record = JSON.objectNode();
        record.put("id", row.getUUID(layout.id()).toString());
        record.put("version", row.getInteger(layout.version()));
        record.put("createdAt", SqlValues.instant(row.getOffsetDateTime(layout.createdAt())));
        record.put("updatedAt", SqlValues.instant(row.getOffsetDateTime(layout.updatedAt())));
        record.put("createdBy", text(row.getUUID(layout.createdBy())));
        record.put("owner", text(row.getUUID(layout.owner())));
        record.put("approval", row.getString(layout.approval()));
        if (row.getValue(layout.deletedAt()) != null) {
            record.put("deletedAt", SqlValues.instant(row.getOffsetDateTime(layout.deletedAt())));
        }
        ObjectNode fields = record.putObject("fields");
        for (RowLayout.Slot slot : layout.slots()) {
            Column column = slot.column();
            fields.set(column.key(), column.encrypted() ? SensitiveValues.json(table, row, column)
                    : SqlValues.json(row, slot.index(), column.type(), column.field().type()));
        }
        table.subtables().forEach((key, child) -> fields.set(key, lines(child, rows.getOrDefault(key, List.of()))));
        return record;
    }

    private static ArrayNode lines(FormTable child, List<Row> rows) {
        ArrayNode items = JSON.arrayNode();
        for (Row line : rows) {
            ObjectNode item = items.addObject();
            item.put("id", line.getUUID("id").toString());
            child.columns().forEach(c -> item.set(c.key(), value(child, line, c)));
        }
        return items;
    }

    /** The {@code fields} object: every stored field, subtable rows with their ids. */
    static ObjectNode fields(FormTable table, Row row, Map<String, List<Row>> rows) {
        ObjectNode fields = JSON.objectNode();
        table.form().fields().forEach(field -> {
            table.column(field.key()).ifPresent(column -> fields.set(column.key(), value(table, row, column)));
            table.subtable(field.key()).ifPresent(child -> {
                ArrayNode items = JSON.arrayNode();
                for (Row line : rows.getOrDefault(field.key(), List.of())) {
                    ObjectNode item = JSON.objectNode();
                    item.put("id", line.getUUID("id").toString());
                    child.columns().forEach(c -> item.set(c.key(), value(child, line, c)));
                    items.add(item);
                }
                fields.set(field.key(), items);
            });
        });
        return fields;
    }

    /** Adds {@code meta.duplicates}: what duplicate rules with {@code warn} found (blocking ones refused the write). */
    static void meta(ObjectNode record, List<Integrity.Match> matches) {
        ArrayNode duplicates = record.putObject("meta").putArray("duplicates");
        for (Integrity.Match match : matches) {
            ObjectNode item = duplicates.addObject();
            item.put("rule", match.rule().key());
            item.put("form", match.form());
            ArrayNode ids = item.putArray("records");
            match.records().forEach(id -> ids.add(id.toString()));
        }
    }

    static JsonNode value(FormTable table, Row row, Column column) {
        if (column.encrypted()) {
            return SensitiveValues.json(table, row, column);
        }
        return SqlValues.json(row, column.field().key(), column.type(), column.field().type());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
