package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on a create (decision 0016). A key belongs to the caller and names one create on one
 * form for {@link #KEPT_HOURS} hours: the first request claims it in its transaction; a retry waits for it (the
 * key's unique index) and then answers what the first one answered (the record, its {@code meta}, Location and
 * ETag) instead of making a second record. The same key on another form is refused, never replayed there. A
 * create that fails releases its key with its rollback.
 */
final class Idempotency {

    static final int KEPT_HOURS = 24;
    private static final int MAX_KEY_LENGTH = 200;

    private Idempotency() {
    }

    /**
     * The id the record gets, and whether an earlier request with the same key already created it.
     *
     * @param meta the first answer's {@code meta} (a replay only; null when none was kept)
     */
    record Claim(UUID id, boolean replay, JsonNode meta) {
    }

    /** Claims the key (when there is one) for the id of a record about to be created. */
    static Uni<Claim> claim(SqlConnection connection, RecordContext context, String key, UUID user) {
        UUID reserved = dev.brickwork.platform.Ids.newId();
        if (key == null || key.isBlank()) {
            return Uni.createFrom().item(new Claim(reserved, false, null));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw RecordInput.invalid(List.of(ProblemError.of("", "IDEMPOTENCY_KEY_INVALID",
                    "An Idempotency-Key has at most 200 characters.")));
        }
        // the caller's expired keys go first, so a key older than a day is a new key and keys do not pile up
        return connection.preparedQuery("DELETE FROM brickwork.idempotency_keys WHERE user_id = $1"
                        + " AND created_at < now() - make_interval(hours => $2)").execute(Tuple.of(user, KEPT_HOURS))
                .chain(() -> connection.preparedQuery("INSERT INTO brickwork.idempotency_keys (user_id, key, app_key, form_key, record_id)"
                                + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, key) DO NOTHING RETURNING record_id")
                        .execute(Tuple.from(Arrays.asList(user, key, context.appKey(), context.formKey(), reserved))))
                .chain(inserted -> inserted.iterator().hasNext()
                        ? Uni.createFrom().item(new Claim(reserved, false, null))
                        : connection.preparedQuery("SELECT app_key, form_key, record_id, meta::text FROM brickwork.idempotency_keys"
                                + " WHERE user_id = $1 AND key = $2").execute(Tuple.of(user, key))
                        .map(rows -> earlier(rows.iterator().next(), context)));
    }

    /** Keeps the first answer's {@code meta} beside the key, for a replay to answer it again. */
    static Uni<Void> remember(SqlConnection connection, String key, UUID user, JsonNode meta) {
        if (key == null || key.isBlank() || meta == null) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("UPDATE brickwork.idempotency_keys SET meta = $3::text::json WHERE user_id = $1 AND key = $2")
                .execute(Tuple.of(user, key, meta.toString())).replaceWithVoid();
    }

    private static Claim earlier(Row row, RecordContext context) {
        if (!row.getString(0).equals(context.appKey()) || !row.getString(1).equals(context.formKey())) {
            throw new ProblemException(RecordProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a create on another form; nothing was written.",
                    List.of(ProblemError.of("", "IDEMPOTENCY_KEY_REUSED",
                            "A key names one create on one form; use a new key for this one.")));
        }
        String meta = row.getString(3);
        return new Claim(row.getUUID(2), true, meta == null ? null : JsonBodies.parse(meta));
    }
}
