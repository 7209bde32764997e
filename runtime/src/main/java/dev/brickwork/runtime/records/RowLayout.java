package dev.brickwork.runtime.records;

import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import io.vertx.mutiny.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each column sits in a result row. Looking a column up by name scans the row's column list, so a page looks
 * the positions up once and reads every row by position.
 */
record RowLayout(int id, int version, int createdAt, int updatedAt, int createdBy, int owner, int approval, int deletedAt,
                 List<Slot> slots) {

    /** A form field's column and its position. */
    record Slot(Column column, int index) {
    }

    static RowLayout of(FormTable table, Row row) {
        List<Slot> slots = new ArrayList<>();
        for (Column column : table.columns()) {
            slots.add(new Slot(column, row.getColumnIndex(column.key())));
        }
        return new RowLayout(row.getColumnIndex("id"), row.getColumnIndex("version"), row.getColumnIndex("created_at"),
                row.getColumnIndex("updated_at"), row.getColumnIndex("created_by"), row.getColumnIndex("owner"),
                row.getColumnIndex("approval"), row.getColumnIndex("deleted_at"), List.copyOf(slots));
    }
}
