package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
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

import java.util.UUID;

/** The task inbox and its decisions (SPEC §5). */
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
    public Uni<String> inbox(@QueryParam("assignee") @DefaultValue("me") String assignee) {
        if (!"me".equals(assignee)) {
            throw ApprovalCommands.invalid("/assignee", "ASSIGNEE_UNSUPPORTED", "Only assignee=me is supported.");
        }
        return access().chain(access -> engines.call(engine -> engine.tasksOf(access.caller().id().toString())))
                .chain(tasks -> Multi.createFrom().iterable(tasks).onItem().transformToUniAndConcatenate(this::item)
                        .collect().asList())
                .map(items -> {
                    ObjectNode result = JsonNodeFactory.instance.objectNode();
                    ArrayNode array = result.putArray("items");
                    items.stream().filter(java.util.Objects::nonNull).forEach(array::add);
                    return result.toString();
                });
    }

    @POST
    @Path("/{id}/approve")
    public Uni<String> approve(@PathParam("id") String id, byte[] body) {
        JsonNode parsed = optionalBody(body);
        return access().chain(access -> approvals.decide(id, true, parsed, access)).map(ObjectNode::toString);
    }

    @POST
    @Path("/{id}/reject")
    public Uni<String> reject(@PathParam("id") String id, byte[] body) {
        JsonNode parsed = optionalBody(body);
        return access().chain(access -> approvals.decide(id, false, parsed, access)).map(ObjectNode::toString);
    }

    @POST
    @Path("/{id}/transfer")
    public Uni<String> transfer(@PathParam("id") String id, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> approvals.transfer(id, parsed, access)).map(ObjectNode::toString);
    }

    private Uni<ObjectNode> item(OpenTask task) {
        return flows.byProcessDefinition(task.processDefinitionId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            var flow = found.get();
            String form = flow.plan().form();
            UUID record = UUID.fromString(task.businessKey());
            return records.read(flow.appKey(), form, record).map(snapshot -> {
                ObjectNode item = JsonNodeFactory.instance.objectNode();
                item.put("id", task.id());
                item.put("step", task.node());
                item.put("flow", flow.flowKey());
                item.put("created", task.created() == null ? null : task.created().toString());
                ObjectNode target = item.putObject("record");
                target.put("id", record.toString());
                target.put("app", flow.appKey());
                target.put("form", form);
                target.put("title", snapshot == null ? null : title(snapshot));
                target.put("link", "/api/v1/apps/" + flow.appKey() + "/forms/" + form + "/records/" + record);
                return item;
            });
        });
    }

    /** The form's title field, else the record id: what an inbox row is called. */
    private static String title(RecordApprovals.Snapshot snapshot) {
        String field = snapshot.form().definition().titleField();
        JsonNode value = field == null ? null : snapshot.record().path("fields").get(field);
        return value == null || value.isNull() ? snapshot.record().path("id").asText() : value.asText();
    }

    private static JsonNode optionalBody(byte[] body) {
        return body == null || body.length == 0 ? null : JsonBodies.parse(body);
    }

    private Uni<Access> access() {
        return accessService.of(identity);
    }
}
