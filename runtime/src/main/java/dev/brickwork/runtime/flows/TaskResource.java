package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.api.ApprovalApi.Decision;
import dev.brickwork.runtime.api.ApprovalApi.DecisionRequest;
import dev.brickwork.runtime.api.ApprovalApi.TaskInbox;
import dev.brickwork.runtime.api.ApprovalApi.TransferRequest;
import dev.brickwork.runtime.api.ApprovalApi.Transferred;
import dev.brickwork.runtime.records.RecordApprovals;
import dev.brickwork.workflow.engine.OpenTask;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
    PublishedFlows flows;

    @Inject
    RecordApprovals records;

    @Inject
    AccessService accessService;

    @Inject
    SecurityIdentity identity;

    /** The caller's open tasks, oldest first, each with its record's title and where to find it. */
    @GET
    @APIResponse(responseCode = "200", description = "The caller's open tasks, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskInbox.class)))
    public Uni<String> inbox(@QueryParam("assignee") @DefaultValue("me") String assignee,
                             @QueryParam("limit") String limitParam) {
        if (!"me".equals(assignee)) {
            throw ApprovalCommands.invalid("/assignee", "ASSIGNEE_UNSUPPORTED", "Only assignee=me is supported.");
        }
        int limit = limit(limitParam);
        return access().chain(access -> engines.call(engine -> engine.tasksOf(access.caller().id().toString(), limit)))
                .chain(this::items)
                .map(items -> {
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

    /** The inbox rows in task order; the titles come with one query per form. */
    private Uni<List<ObjectNode>> items(List<OpenTask> tasks) {
        return Multi.createFrom().iterable(tasks).onItem()
                .transformToUniAndConcatenate(task -> flows.byProcessDefinition(task.processDefinitionId())
                        .map(found -> found.map(flow -> new Pending(task, flow)).orElse(null)))
                .filter(java.util.Objects::nonNull).collect().asList()
                .chain(pending -> {
                    Map<String, List<Pending>> byForm = pending.stream().collect(Collectors.groupingBy(
                            p -> p.flow().appKey() + "/" + p.flow().plan().form(), LinkedHashMap::new, Collectors.toList()));
                    Map<UUID, String> titles = new ConcurrentHashMap<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (List<Pending> group : byForm.values()) {
                        PublishedFlow flow = group.get(0).flow();
                        List<UUID> ids = group.stream().map(Pending::record).toList();
                        chain = chain.chain(() -> records.titles(flow.appKey(), flow.plan().form(), ids)
                                .invoke(titles::putAll).replaceWithVoid());
                    }
                    return chain.map(done -> pending.stream().map(p -> item(p, titles.get(p.record()))).toList());
                });
    }

    /** An open task with the published flow it belongs to. */
    private record Pending(OpenTask task, PublishedFlow flow) {
        UUID record() {
            return UUID.fromString(task.businessKey());
        }
    }

    private static ObjectNode item(Pending pending, String title) {
        OpenTask task = pending.task();
        PublishedFlow flow = pending.flow();
        String form = flow.plan().form();
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", task.id());
        item.put("step", task.node());
        item.put("flow", flow.flowKey());
        item.put("created", task.created() == null ? null : task.created().toString());
        ObjectNode target = item.putObject("record");
        target.put("id", pending.record().toString());
        target.put("app", flow.appKey());
        target.put("form", form);
        target.put("title", title);
        target.put("link", "/api/v1/apps/" + flow.appKey() + "/forms/" + form + "/records/" + pending.record());
        return item;
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
