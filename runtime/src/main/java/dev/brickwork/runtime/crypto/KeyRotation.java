package dev.brickwork.runtime.crypto;

import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-encrypts every sensitive value written with a previous key under the current one, and recomputes its
 * equality hash; the timeline's sealed values too ({@link TimelineRotation}). Run after configuring a new key with the old one among the previous keys; once it reports
 * nothing left, the old key can be removed.
 */
@ApplicationScoped
public class KeyRotation {

    @Inject
    Pool pool;

    @Inject
    PublishedForms publishedForms;

    @Inject
    FieldCiphers ciphers;

    /** The number of values re-encrypted, in form tables and in the timeline. */
    public Uni<Long> rotate() {
        FieldCipher cipher = ciphers.cipher().orElseThrow(() -> new IllegalStateException("No encryption key is configured"));
        AtomicLong count = new AtomicLong();
        return pool.query("SELECT app_key FROM brickwork.apps").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(app -> publishedForms.all(app.getString(0))
                        .chain(forms -> {
                            List<FormTable> tables = new ArrayList<>();
                            forms.values().forEach(form -> collect(FormTable.of(form), tables));
                            return Multi.createFrom().iterable(tables)
                                    .onItem().transformToUniAndConcatenate(table -> rotate(table, cipher).invoke(count::addAndGet))
                                    .collect().last();
                        }))
                .collect().last()
                .chain(() -> TimelineRotation.rotate(pool, cipher))
                .map(timeline -> count.get() + timeline);
    }

    private static void collect(FormTable table, List<FormTable> into) {
        if (table.columns().stream().anyMatch(Column::encrypted)) {
            into.add(table);
        }
        table.subtables().values().forEach(child -> collect(child, into));
    }

    private Uni<Long> rotate(FormTable table, FieldCipher cipher) {
        List<Column> encrypted = table.columns().stream().filter(Column::encrypted).toList();
        return pool.withTransaction(connection -> Multi.createFrom().iterable(encrypted)
                .onItem().transformToUniAndConcatenate(column -> connection
                        .query("SELECT id, " + column.quoted() + " FROM " + table.qualified() + " WHERE " + column.quoted()
                                + " IS NOT NULL FOR UPDATE").execute()
                        .chain(rows -> {
                            List<Tuple> updates = new ArrayList<>();
                            for (Row row : rows) {
                                byte[] stored = row.getBuffer(1).getBytes();
                                if (!cipher.isCurrent(stored)) {
                                    String plain = cipher.decrypt(stored);
                                    updates.add(Tuple.of(row.getUUID(0), Buffer.buffer(cipher.encrypt(plain)),
                                            Buffer.buffer(cipher.equalityHash(plain))));
                                }
                            }
                            if (updates.isEmpty()) {
                                return Uni.createFrom().item(0L);
                            }
                            return connection.preparedQuery("UPDATE " + table.qualified() + " SET " + column.quoted() + " = $2, "
                                            + column.hashQuoted() + " = $3 WHERE id = $1")
                                    .executeBatch(updates).replaceWith((long) updates.size());
                        }))
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue)));
    }
}
