package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads records with their subtable rows, whether live or in the recycle bin: a data subject's data is theirs
 * wherever it sits. Table and column names come from {@link FormTable}; values are bound.
 */
final class StoredRows {

    private StoredRows() {
    }

    /**
     * The record's row (404 when there is none); {@code lock} holds it for an erase. Every column, set-aside ones of
     * removed fields included: an erase clears those too.
     */
    static Uni<Row> subject(SqlClient client, Subject subject, boolean lock) {
        return client.preparedQuery("SELECT * FROM " + subject.table().qualified() + " WHERE id = $1" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(subject.id()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw Subject.notFound();
                    }
                    return rows.iterator().next();
                });
    }

    /** The records that point at {@code target} through the link, oldest id first. */
    static Uni<List<Row>> referencing(SqlClient client, ReferenceLink link, UUID target) {
        String where = link.subtableKey() == null
                ? "p." + link.column() + " = $1"
                : "EXISTS (SELECT 1 FROM " + link.holder().qualified() + " c WHERE c.parent_id = p.id AND c." + link.column() + " = $1)";
        return client.preparedQuery("SELECT " + link.table().selectList("p") + " FROM " + link.table().qualified() + " p WHERE " + where + " ORDER BY p.id")
                .execute(Tuple.of(target))
                .map(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    return found;
                });
    }
}
