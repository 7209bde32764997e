package dev.brickwork.runtime.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rotation's part in the timeline: every sealed value in {@code brickwork.record_changes} diffs written under a
 * previous key is sealed again under the current one, a batch of entries per transaction (by id, so a long timeline
 * never sits in one lock or in memory at once).
 */
final class TimelineRotation {

    private static final int BATCH = 500;

    private TimelineRotation() {
    }

    /** The number of sealed values re-sealed. */
    static Uni<Long> rotate(Pool pool, FieldCipher cipher) {
        return batch(pool, cipher, new UUID(0, 0), 0L);
    }

    private static Uni<Long> batch(Pool pool, FieldCipher cipher, UUID after, long done) {
        long[] counted = {0};
        UUID[] last = {null};
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT id, diff::text FROM brickwork.record_changes"
                                + " WHERE id > $1 AND diff::text LIKE '%\"" + SealedJson.MARK + "\"%' ORDER BY id LIMIT " + BATCH
                                + " FOR UPDATE").execute(Tuple.of(after))
                        .chain(rows -> {
                            List<Tuple> updates = updates(rows, cipher, counted, last);
                            return updates.isEmpty() ? Uni.createFrom().voidItem()
                                    : connection.preparedQuery("UPDATE brickwork.record_changes SET diff = $2::text::jsonb WHERE id = $1")
                                    .executeBatch(updates).replaceWithVoid();
                        }))
                .chain(() -> last[0] == null ? Uni.createFrom().item(done + counted[0])
                        : batch(pool, cipher, last[0], done + counted[0]));
    }

    private static List<Tuple> updates(RowSet<Row> rows, FieldCipher cipher, long[] counted, UUID[] last) {
        List<Tuple> updates = new ArrayList<>();
        for (Row row : rows) {
            last[0] = row.getUUID(0);
            AtomicInteger resealed = new AtomicInteger();
            JsonNode diff = SealedJson.replaceSealed(JsonBodies.parse(row.getString(1)), sealed -> {
                JsonNode again = SealedJson.reseal(cipher, sealed);
                if (again != sealed) {
                    resealed.incrementAndGet();
                }
                return again;
            });
            if (resealed.get() > 0) {
                counted[0] += resealed.get();
                updates.add(Tuple.of(row.getUUID(0), diff.toString()));
            }
        }
        return updates;
    }
}
