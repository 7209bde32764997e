package dev.brickwork.runtime.records;

import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a record's row and its subtable rows. */
public final class RecordRows {

    private RecordRows() {
    }

    /** The record's row, or null when there is none; {@code lock} takes the row lock for a write. */
    static Uni<Row> load(SqlClient client, FormTable table, UUID id, boolean lock) {
        return client.preparedQuery("SELECT " + table.selectList(null) + " FROM " + table.qualified() + " WHERE id = $1" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    /** Each subtable's rows for the given records: record id to subtable key to rows in order. */
    public static Uni<Map<UUID, Map<String, List<Row>>>> children(SqlClient client, FormTable table, List<UUID> ids) {
        return children(client, table, ids, false);
    }

    /**
     * As {@link #children(SqlClient, FormTable, UUID)}, each row with every column it has, set-aside columns of
     * removed fields included: what a GDPR erase must clear.
     */
    public static Uni<Map<String, List<Row>>> storedChildren(SqlClient client, FormTable table, UUID id) {
        return children(client, table, List.of(id), true).map(all -> all.getOrDefault(id, Map.of()));
    }

    private static Uni<Map<UUID, Map<String, List<Row>>>> children(SqlClient client, FormTable table, List<UUID> ids,
                                                                  boolean everyColumn) {
        Map<UUID, Map<String, List<Row>>> all = new HashMap<>();
        if (ids.isEmpty() || table.subtables().isEmpty()) {
            return Uni.createFrom().item(all);
        }
        return Multi.createFrom().iterable(table.subtables().entrySet())
                .onItem().transformToUniAndConcatenate(entry -> client
                        .preparedQuery("SELECT " + (everyColumn ? "*" : entry.getValue().selectList(null))
                                + " FROM " + entry.getValue().qualified()
                                + " WHERE parent_id = ANY($1) ORDER BY parent_id, position")
                        .execute(Tuple.of(ids.toArray(UUID[]::new)))
                        .invoke(rows -> {
                            for (Row row : rows) {
                                all.computeIfAbsent(row.getUUID("parent_id"), k -> new HashMap<>())
                                        .computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(row);
                            }
                        }))
                .collect().last()
                .replaceWith(all);
    }

    public static Uni<Map<String, List<Row>>> children(SqlClient client, FormTable table, UUID id) {
        return children(client, table, List.of(id)).map(all -> all.getOrDefault(id, Map.of()));
    }
}
