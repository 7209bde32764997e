package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.api.ApprovalApi.NotificationPage;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Each user's in-app inbox: tasks handed to them, reminders, escalations, a flow's messages. */
@Path("/api/v1/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class NotificationResource {

    private static final int MAX_LIMIT = 200;

    @Inject
    Pool pool;

    @Inject
    AccessService accessService;

    @Inject
    SecurityIdentity identity;

    /** Newest first; {@code unread=true} leaves out what was read. */
    @GET
    @APIResponse(responseCode = "200", description = "The caller's notifications, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationPage.class)))
    public Uni<String> list(@QueryParam("unread") @DefaultValue("false") String unread,
                            @QueryParam("limit") @DefaultValue("50") String limit) {
        int size = limit(limit);
        return me().chain(me -> pool.preparedQuery("SELECT id, kind, message, app_key, form_key, record_id, task_id,"
                        + " created_at, read_at FROM brickwork.notifications WHERE user_id = $1"
                        + ("true".equals(unread) ? " AND read_at IS NULL" : "") + " ORDER BY created_at DESC, id DESC LIMIT $2")
                .execute(Tuple.of(me, size))).map(rows -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            ArrayNode items = result.putArray("items");
            for (Row row : rows) {
                ObjectNode item = items.addObject();
                item.put("id", row.getUUID("id").toString());
                item.put("kind", row.getString("kind"));
                item.put("message", row.getString("message"));
                item.put("app", row.getString("app_key"));
                item.put("form", row.getString("form_key"));
                UUID record = row.getUUID("record_id");
                item.put("record", record == null ? null : record.toString());
                item.put("task", row.getString("task_id"));
                item.put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString());
                item.put("read", row.getValue("read_at") != null);
            }
            return result.toString();
        });
    }

    @POST
    @Path("/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked read")
    public Uni<Response> read(@PathParam("id") String id) {
        UUID notification = parse(id);
        return me().chain(me -> pool.preparedQuery("UPDATE brickwork.notifications SET read_at = coalesce(read_at, now())"
                        + " WHERE id = $1 AND user_id = $2").execute(Tuple.of(notification, me)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw notFound();
                    }
                    return Response.noContent().build();
                });
    }

    @POST
    @Path("/read-all")
    @APIResponse(responseCode = "204", description = "All marked read")
    public Uni<Response> readAll() {
        return me().chain(me -> pool.preparedQuery("UPDATE brickwork.notifications SET read_at = now()"
                        + " WHERE user_id = $1 AND read_at IS NULL").execute(Tuple.of(me)))
                .map(rows -> Response.noContent().build());
    }

    private Uni<UUID> me() {
        return accessService.of(identity).map(access -> access.caller().id());
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApprovalCommands.invalid("/limit", "LIMIT_INVALID", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(FlowProblem.NOTIFICATION_NOT_FOUND, "There is no such notification.");
    }
}
