package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** Writes a record's timeline: who changed what, when, with the field-level diff. */
final class Timeline {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Timeline() {
    }

    /** Field to {@code {"from", "to"}} for every field whose value differs; {@code before} null for a create. */
    static ObjectNode diff(JsonNode before, JsonNode after) {
        ObjectNode diff = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = after.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = before == null ? JSON.nullNode() : before.path(field.getKey());
            JsonNode now = field.getValue();
            if (old.isMissingNode()) {
                old = JSON.nullNode();
            }
            if (!old.equals(now) && !(before == null && (now.isNull() || now.isArray() && now.isEmpty()))) {
                ObjectNode change = JSON.objectNode();
                change.set("from", old);
                change.set("to", now);
                diff.set(field.getKey(), change);
            }
        }
        return diff;
    }

    static Uni<Void> append(SqlConnection connection, String appKey, String formKey, UUID record, int version, String action,
                            UUID actor, ObjectNode diff) {
        return connection.preparedQuery("INSERT INTO brickwork.record_changes (id, app_key, form_key, record_id, version, action,"
                        + " actor, diff) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)")
                .execute(Tuple.from(java.util.Arrays.asList(Ids.newId(), appKey, formKey, record, version, action, actor,
                        diff.toString())))
                .replaceWithVoid();
    }
}
