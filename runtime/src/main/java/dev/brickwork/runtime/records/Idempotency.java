package dev.brickwork.runtime.records;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

/**
 * {@code Idempotency-Key} on a create: the first request claims the key in its transaction; a retry waits for it
 * (the key's unique index) and then gets the record the first one made instead of a second record.
 */
final class Idempotency {

    private static final int MAX_KEY_LENGTH = 200;

    private Idempotency() {
    }

    /** The id the record gets, and whether an earlier request with the same key already created it. */
    record Claim(UUID id, boolean replay) {
    }

    /** Claims the key (when there is one) for the id of a record about to be created. */
    static Uni<Claim> claim(SqlConnection connection, RecordContext context, String key, UUID user) {
        UUID reserved = dev.brickwork.platform.Ids.newId();
        if (key == null || key.isBlank()) {
            return Uni.createFrom().item(new Claim(reserved, false));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw RecordInput.invalid(java.util.List.of(dev.brickwork.platform.http.ProblemError.of("",
                    "IDEMPOTENCY_KEY_INVALID", "An Idempotency-Key has at most 200 characters.")));
        }
        return connection.preparedQuery("INSERT INTO brickwork.idempotency_keys (user_id, key, app_key, form_key, record_id)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, key) DO NOTHING RETURNING record_id")
                .execute(Tuple.from(java.util.Arrays.asList(user, key, context.appKey(), context.formKey(), reserved)))
                .chain(inserted -> inserted.iterator().hasNext()
                        ? Uni.createFrom().item(reserved)
                        : connection.preparedQuery("SELECT record_id FROM brickwork.idempotency_keys WHERE user_id = $1 AND key = $2")
                        .execute(Tuple.of(user, key)).map(rows -> {
                            Row row = rows.iterator().next();
                            return row.getUUID(0);
                        }))
                .map(id -> new Claim(id, !id.equals(reserved)));
    }
}
