package dev.brickwork.runtime.records;

import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.record.RowValues;
import dev.brickwork.platform.Ids;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import dev.brickwork.runtime.records.sql.SensitiveValues;
import dev.brickwork.runtime.records.sql.SqlValues;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Renders and runs the INSERT and UPDATE statements of records and their subtable rows. */
final class RecordWriter {

    private RecordWriter() {
    }

    /**
     * Quoted column name to bind value, for the columns whose values are given, in column order. A sensitive field
     * is written encrypted, with its equality hash in the column beside it.
     */
    static Map<String, Object> columnValues(FormTable table, Map<String, Value> values) {
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (!values.containsKey(column.key())) {
                continue;
            }
            Value value = stored(column, values.get(column.key()));
            if (column.encrypted()) {
                String plain = SensitiveValues.canonical(value);
                bound.put(column.quoted(), SensitiveValues.encrypt(table, plain));
                bound.put(column.hashQuoted(), SensitiveValues.hash(table, plain));
            } else {
                bound.put(column.quoted(), SqlValues.bind(value, column.type()));
            }
        }
        return bound;
    }

    /** Money is stored with at least its two decimals, so sums and roll-ups over it read like money too. */
    private static Value stored(Column column, Value value) {
        if (column.field().type() == dev.brickwork.forms.model.FieldType.MONEY && value instanceof Value.Number n
                && n.value().scale() < 2) {
            return new Value.Number(n.value().setScale(2));
        }
        return value;
    }

    static Uni<Row> insert(SqlConnection connection, FormTable table, UUID id, UUID owner, UUID user, Map<String, Object> values) {
        List<String> names = new ArrayList<>(List.of("id", "owner", "created_by"));
        List<Object> params = new ArrayList<>(List.of(id));
        params.add(owner);
        params.add(user);
        values.forEach((column, value) -> {
            names.add(column);
            params.add(value);
        });
        return connection.preparedQuery(insertSql(table, names) + table.returning()).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next());
    }

    /** Sets the given columns (and {@code extra} system assignments), bumps the version and returns the new row. */
    static Uni<Row> update(SqlConnection connection, FormTable table, UUID id, Map<String, Object> values, String extra) {
        return update(connection, table, id, values, extra, null);
    }

    /** As {@link #update}, also handing the record to {@code owner} when it is not null. */
    static Uni<Row> update(SqlConnection connection, FormTable table, UUID id, Map<String, Object> values, String extra,
                           UUID owner) {
        List<String> sets = new ArrayList<>(List.of("version = version + 1", "updated_at = now()"));
        if (extra != null) {
            sets.add(extra);
        }
        List<Object> params = new ArrayList<>(List.of(id));
        if (owner != null) {
            params.add(owner);
            sets.add("owner = $" + params.size());
        }
        values.forEach((column, value) -> {
            params.add(value);
            sets.add(column + " = $" + params.size());
        });
        String sql = "UPDATE " + table.qualified() + " SET " + String.join(", ", sets) + " WHERE id = $1" + table.returning();
        return connection.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> rows.iterator().next());
    }

    /** Replaces a subtable's rows with the given ones, keeping the ids rows came with. */
    static Uni<Void> replaceRows(SqlConnection connection, FormTable child, UUID parent, List<RowValues> rows) {
        Uni<Void> chain = connection.preparedQuery("DELETE FROM " + child.qualified() + " WHERE parent_id = $1")
                .execute(Tuple.of(parent)).replaceWithVoid();
        for (int position = 0; position < rows.size(); position++) {
            RowValues row = rows.get(position);
            UUID id = row.id().map(UUID::fromString).orElseGet(Ids::newId);
            Map<String, Object> values = columnValues(child, row.values());
            List<String> names = new ArrayList<>(List.of("id", "parent_id", "position"));
            List<Object> params = new ArrayList<>(List.of(id, parent, position));
            values.forEach((column, value) -> {
                names.add(column);
                params.add(value);
            });
            String sql = insertSql(child, names);
            chain = chain.chain(() -> connection.preparedQuery(sql).execute(Tuple.from(params)).replaceWithVoid());
        }
        return chain;
    }

    private static String insertSql(FormTable table, List<String> names) {
        List<String> placeholders = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            placeholders.add("$" + i);
        }
        return "INSERT INTO " + table.qualified() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", placeholders) + ")";
    }
}
