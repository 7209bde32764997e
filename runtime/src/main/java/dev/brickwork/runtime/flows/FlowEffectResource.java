package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.api.ApprovalApi.FlowEffectList;
import dev.brickwork.runtime.api.ApprovalApi.FlowEffectRetried;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * Flow effects set aside after their last attempt ({@link FlowEffects#MAX_ATTEMPTS}): an administrator lists them,
 * retries one (after mending what refused it: the form, the record) or discards it. What an effect would have done
 * stays in its payload; the list shows what and where, not the values.
 */
@Path("/api/v1/admin/flow-effects")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class FlowEffectResource {

    private static final String FAILED = " FROM brickwork.flow_effects WHERE failed_at IS NOT NULL";

    @Inject
    Pool pool;

    @Inject
    FlowEffects effects;

    @GET
    @APIResponse(responseCode = "200", description = "The set-aside flow effects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowEffectList.class)))
    public Uni<String> failed() {
        return pool.query("SELECT seq, app_key, form_key, record_id, kind, attempts, last_error, created_at, failed_at"
                + FAILED + " ORDER BY seq LIMIT 500").execute().map(rows -> {
                    ObjectNode result = JsonNodeFactory.instance.objectNode();
                    ArrayNode items = result.putArray("items");
                    for (Row row : rows) {
                        ObjectNode item = items.addObject();
                        item.put("seq", row.getLong(0));
                        item.put("app", row.getString(1));
                        item.put("form", row.getString(2));
                        item.put("record", row.getUUID(3).toString());
                        item.put("kind", row.getString(4));
                        item.put("attempts", row.getInteger(5));
                        item.put("lastError", row.getString(6));
                        item.put("createdAt", row.getOffsetDateTime(7).toInstant().toString());
                        item.put("failedAt", row.getOffsetDateTime(8).toInstant().toString());
                    }
                    return result.toString();
                });
    }

    /**
     * Puts a set-aside effect back in line and drains its record at once. {@code done}: it is no longer waiting — it
     * landed, or it was dropped because the record no longer waits for its flow (a flow's value writes count only while
     * the record is pending). A retried effect writes its values as they were, over anything a later step of the flow
     * wrote to the same fields since: discard it instead when that is not wanted.
     */
    @POST
    @Path("/{seq}/retry")
    @APIResponse(responseCode = "200", description = "Whether the effect still waits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowEffectRetried.class)))
    public Uni<String> retry(@PathParam("seq") long seq) {
        return pool.preparedQuery("UPDATE brickwork.flow_effects SET failed_at = NULL, attempts = 0,"
                        + " next_attempt_at = now(), last_error = NULL WHERE seq = $1 AND failed_at IS NOT NULL RETURNING record_id")
                .execute(Tuple.of(seq))
                .map(rows -> recordOf(rows.iterator().hasNext() ? rows.iterator().next() : null))
                .chain(record -> effects.drain(record).chain(() -> pool
                        .preparedQuery("SELECT 1 FROM brickwork.flow_effects WHERE seq = $1").execute(Tuple.of(seq))))
                .map(rows -> {
                    ObjectNode result = JsonNodeFactory.instance.objectNode();
                    result.put("seq", seq);
                    result.put("done", !rows.iterator().hasNext());
                    return result.toString();
                });
    }

    @DELETE
    @Path("/{seq}")
    @APIResponse(responseCode = "204", description = "The effect is discarded")
    public Uni<Response> discard(@PathParam("seq") long seq) {
        return pool.preparedQuery("DELETE" + FAILED + " AND seq = $1 RETURNING record_id").execute(Tuple.of(seq))
                .map(rows -> {
                    recordOf(rows.iterator().hasNext() ? rows.iterator().next() : null);
                    return Response.noContent().build();
                });
    }

    private static UUID recordOf(Row row) {
        if (row == null) {
            throw new ProblemException(FlowProblem.EFFECT_NOT_FOUND, "There is no set-aside flow effect with this number.");
        }
        return row.getUUID(0);
    }
}
