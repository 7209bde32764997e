package dev.brickwork.runtime.gdpr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps an erased record's timeline (who changed it, when, which fields) but not the values: every value in its diffs
 * becomes {@code "[erased]"}. All fields, not only the ones erase clears: a past value of any field, of a field since
 * removed, or of a subtable row may be personal.
 */
final class TimelineRedaction {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TimelineRedaction() {
    }

    /**
     * The diff with each change's {@code from} and {@code to} replaced by {@code "[erased]"}; nulls and empty lists stay,
     * since they say nothing. A value of another shape is replaced whole.
     */
    static ObjectNode redact(JsonNode diff) {
        ObjectNode redacted = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = diff.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode change = field.getValue();
            if (change.isObject()) {
                ObjectNode sides = redacted.putObject(field.getKey());
                change.fields().forEachRemaining(side -> sides.set(side.getKey(), redactValue(side.getValue())));
            } else {
                redacted.set(field.getKey(), redactValue(change));
            }
        }
        return redacted;
    }

    private static JsonNode redactValue(JsonNode value) {
        boolean empty = value.isNull() || value.isContainerNode() && value.isEmpty();
        return empty ? value : JSON.textNode(Anonymisation.ERASED);
    }

    /** Rewrites the record's timeline diffs in the erase's transaction; the number of entries that changed. */
    static Uni<Integer> apply(SqlConnection connection, Subject subject) {
        return connection.preparedQuery("SELECT id, diff::text FROM brickwork.record_changes"
                        + " WHERE app_key = $1 AND form_key = $2 AND record_id = $3 ORDER BY at, version")
                .execute(Tuple.of(subject.appKey(), subject.formKey(), subject.id()))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        JsonNode diff = JsonBodies.parse(row.getString(1));
                        ObjectNode redacted = redact(diff);
                        if (!redacted.equals(diff)) {
                            updates.add(Tuple.of(row.getUUID(0), redacted.toString()));
                        }
                    }
                    return Multi.createFrom().iterable(updates)
                            .onItem().transformToUniAndConcatenate(update -> connection
                                    .preparedQuery("UPDATE brickwork.record_changes SET diff = $2::text::jsonb WHERE id = $1")
                                    .execute(update))
                            .collect().last()
                            .replaceWith(updates.size());
                });
    }
}
