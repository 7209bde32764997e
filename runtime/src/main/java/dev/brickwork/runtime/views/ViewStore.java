package dev.brickwork.runtime.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The saved_views table: a form's views as a caller may see them, and their writes. */
@ApplicationScoped
class ViewStore {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String COLUMNS = "id, name, shared, view_type, state::text, owner, version, created_at, updated_at";

    @Inject
    Pool pool;

    /** A stored view. */
    record Stored(UUID id, String name, boolean shared, String type, ObjectNode state, UUID owner, int version,
                  java.time.OffsetDateTime createdAt, java.time.OffsetDateTime updatedAt) {
    }

    /** The form's shared views and the caller's own, shared first, each by name. */
    Uni<List<Stored>> visible(String app, String form, UUID caller) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM brickwork.saved_views WHERE app_key = $1 AND form_key = $2"
                        + " AND (shared OR owner = $3) ORDER BY shared DESC, lower(name), id")
                .execute(Tuple.of(app, form, caller)).map(rows -> {
                    List<Stored> views = new ArrayList<>();
                    rows.forEach(row -> views.add(stored(row)));
                    return views;
                });
    }

    /** The view if the caller may see it: shared, or theirs. */
    Uni<Optional<Stored>> find(String app, String form, UUID id, UUID caller) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM brickwork.saved_views WHERE id = $1 AND app_key = $2"
                        + " AND form_key = $3 AND (shared OR owner = $4)")
                .execute(Tuple.of(id, app, form, caller))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(stored(rows.iterator().next())) : Optional.empty());
    }

    Uni<Stored> insert(String app, String form, ViewBody body, UUID owner) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("INSERT INTO brickwork.saved_views (id, app_key, form_key, name, shared, owner, view_type, state)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb) RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[]{id, app, form, body.name(), body.shared(), owner, body.type(), body.state().toString()}))
                .map(rows -> stored(rows.iterator().next()));
    }

    /** Replaces what a view shows; empty when it changed since {@code version} (someone else saved it first). */
    Uni<Optional<Stored>> replace(UUID id, int version, ViewBody body) {
        return pool.preparedQuery("UPDATE brickwork.saved_views SET name = $3, shared = $4, view_type = $5, state = $6::text::jsonb,"
                        + " version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[]{id, version, body.name(), body.shared(), body.type(), body.state().toString()}))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(stored(rows.iterator().next())) : Optional.empty());
    }

    Uni<Boolean> delete(UUID id, int version) {
        return pool.preparedQuery("DELETE FROM brickwork.saved_views WHERE id = $1 AND version = $2")
                .execute(Tuple.of(id, version)).map(rows -> rows.rowCount() == 1);
    }

    private static Stored stored(Row row) {
        JsonNode state = JsonBodies.parse(row.getString(4));
        return new Stored(row.getUUID(0), row.getString(1), row.getBoolean(2), row.getString(3),
                state.isObject() ? (ObjectNode) state : JSON.objectNode(), row.getUUID(5), row.getInteger(6),
                row.getOffsetDateTime(7), row.getOffsetDateTime(8));
    }
}
