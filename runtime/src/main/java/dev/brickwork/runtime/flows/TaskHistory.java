package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The inbox's "done" and "started by me" tabs, read from the timeline: a decision is the {@code flow.step} entry its
 * approver wrote, a start the {@code submit} entry. The engine's history would hold the same, but not the comment
 * nor who decided an escalated task, and it keeps no rows once its history level is lowered.
 */
@ApplicationScoped
public class TaskHistory {

    /** The decisions a person took; {@code event} is approved, rejected or transferred. */
    static final String DECIDED = "SELECT app_key, form_key, record_id, at, detail::text FROM brickwork.record_changes"
            + " WHERE actor = $1 AND action = 'flow.step' AND detail->>'event' IN ('approved', 'rejected', 'transferred')"
            + " ORDER BY at DESC LIMIT $2";
    /** The records a person submitted, each once, the latest submission first. */
    static final String SUBMITTED = "SELECT * FROM (SELECT DISTINCT ON (record_id) app_key, form_key, record_id, at,"
            + " detail::text FROM brickwork.record_changes WHERE actor = $1 AND action = 'submit'"
            + " ORDER BY record_id, at DESC) latest ORDER BY at DESC LIMIT $2";

    /** One timeline entry of the caller's: on which record, when, and what its detail says (flow, node, comment). */
    record Entry(String app, String form, UUID record, Instant at, JsonNode detail) {
    }

    @Inject
    Pool pool;

    Uni<List<Entry>> decidedBy(UUID user, int limit) {
        return entries(DECIDED, user, limit);
    }

    Uni<List<Entry>> submittedBy(UUID user, int limit) {
        return entries(SUBMITTED, user, limit);
    }

    private Uni<List<Entry>> entries(String sql, UUID user, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(user, limit)).map(rows -> {
            List<Entry> entries = new ArrayList<>();
            for (Row row : rows) {
                String detail = row.getString(4);
                entries.add(new Entry(row.getString(0), row.getString(1), row.getUUID(2),
                        row.getOffsetDateTime(3).toInstant(), detail == null ? null : JsonBodies.parse(detail)));
            }
            return entries;
        });
    }
}
