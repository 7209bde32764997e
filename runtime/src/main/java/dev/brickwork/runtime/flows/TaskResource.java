package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.api.ApprovalApi.Decision;
import dev.brickwork.runtime.api.ApprovalApi.DecisionRequest;
import dev.brickwork.runtime.api.ApprovalApi.TaskInbox;
import dev.brickwork.runtime.api.ApprovalApi.TransferRequest;
import dev.brickwork.runtime.api.ApprovalApi.Transferred;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** The task inbox and its decisions (docs/spec.md §5). */
@Path("/api/v1/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TaskResource {

    @Inject
    ApprovalCommands approvals;

    @Inject
    FlowEngines engines;

    @Inject
    InboxItems inbox;

    @Inject
    TaskHistory history;

    @Inject
    AccessService accessService;

    @Inject
    SecurityIdentity identity;

    /**
     * The caller's inbox: open tasks oldest first ({@code view=open}, the default), decisions taken
     * ({@code view=done}) or records submitted ({@code view=started}), newest first.
     */
    @GET
    @APIResponse(responseCode = "200", description = "One tab of the caller's inbox",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskInbox.class)))
    public Uni<String> inbox(@QueryParam("assignee") @DefaultValue("me") String assignee,
                             @QueryParam("view") @DefaultValue("open") String view,
                             @QueryParam("limit") String limitParam) {
        if (!"me".equals(assignee)) {
            throw ApprovalCommands.invalid("/assignee", "ASSIGNEE_UNSUPPORTED", "Only assignee=me is supported.");
        }
        int limit = limit(limitParam);
        return access().chain(access -> {
            UUID me = access.caller().id();
            return switch (view) {
                case "open" -> engines.call(engine -> engine.tasksOf(me.toString(), limit)).chain(inbox::open);
                case "done" -> history.decidedBy(me, limit).chain(inbox::decided);
                case "started" -> history.submittedBy(me, limit).chain(inbox::submitted);
                default -> throw ApprovalCommands.invalid("/view", "VIEW_UNKNOWN",
                        "'view' is one of open, done, started.");
            };
        }).map(items -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.putArray("items").addAll(items);
            return result.toString();
        });
    }

    @POST
    @Path("/{id}/approve")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class)))
    @APIResponse(responseCode = "200", description = "The decision and the record's approval state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    public Uni<String> approve(@PathParam("id") String id, byte[] body) {
        JsonNode parsed = optionalBody(body);
        return access().chain(access -> approvals.decide(id, true, parsed, access)).map(ObjectNode::toString);
    }

    @POST
    @Path("/{id}/reject")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class)))
    @APIResponse(responseCode = "200", description = "The decision and the record's approval state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    public Uni<String> reject(@PathParam("id") String id, byte[] body) {
        JsonNode parsed = optionalBody(body);
        return access().chain(access -> approvals.decide(id, false, parsed, access)).map(ObjectNode::toString);
    }

    @POST
    @Path("/{id}/transfer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferRequest.class)))
    @APIResponse(responseCode = "200", description = "The task and its new assignee",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Transferred.class)))
    public Uni<String> transfer(@PathParam("id") String id, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> approvals.transfer(id, parsed, access)).map(ObjectNode::toString);
    }

    /** At most this many tasks per inbox answer (oldest first), 100 unless asked. */
    static final int MAX_LIMIT = 500;

    private static int limit(String given) {
        if (given == null || given.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(given.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApprovalCommands.invalid("/limit", "LIMIT_INVALID", "'limit' is a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static JsonNode optionalBody(byte[] body) {
        return body == null || body.length == 0 ? null : JsonBodies.parse(body);
    }

    private Uni<Access> access() {
        return accessService.of(identity);
    }
}
