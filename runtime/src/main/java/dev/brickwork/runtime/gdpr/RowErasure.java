package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The anonymisation of one stored row (the record's, or one of its subtable rows) and the UPDATE that applies it. */
record RowErasure(FormTable table, UUID rowId, String fieldPrefix, Anonymisation.Plan plan) {

    static RowErasure of(FormTable table, Row row, String fieldPrefix) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            columns.add(row.getColumnName(i));
        }
        UUID id = row.getUUID("id");
        return new RowErasure(table, id, fieldPrefix, Anonymisation.of(table, id, row::getValue, columns));
    }

    /** The subject's subtable rows, each with its fields named {@code subtable.field}. */
    static List<RowErasure> children(FormTable table, Map<String, List<Row>> children) {
        List<RowErasure> erasures = new ArrayList<>();
        table.subtables().forEach((key, child) -> children.getOrDefault(key, List.of())
                .forEach(row -> erasures.add(of(child, row, key + "."))));
        return erasures;
    }

    List<String> fields() {
        return plan.fields().stream().map(key -> fieldPrefix + key).toList();
    }

    /**
     * Sets the planned columns; {@code system} are assignments of system columns (the record's version and
     * updated_at). Column names come from the plan (quoted metadata), values are bound.
     */
    Uni<Row> apply(SqlConnection connection, List<String> system) {
        List<String> sets = new ArrayList<>(system);
        List<Object> params = new ArrayList<>();
        params.add(rowId);
        plan.assignments().forEach((column, value) -> {
            params.add(value);
            sets.add(column + " = $" + params.size());
        });
        String sql = "UPDATE " + table.qualified() + " SET " + String.join(", ", sets) + " WHERE id = $1" + table.returning();
        return connection.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> rows.iterator().next());
    }
}
