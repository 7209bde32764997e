package dev.brickwork.runtime.flows;

import dev.brickwork.workflow.plan.FlowPlanJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.records.ApprovalState;
import dev.brickwork.runtime.records.RecordPermissions;
import dev.brickwork.runtime.records.RecordQueries;
import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.model.TriggerEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A record's approval as its detail screen shows it (docs/spec.md §5): where it stands, who is asked now, every step
 * so far with who decided what and why, and the approval actions the caller may take — only those that would succeed.
 */
@ApplicationScoped
public class ApprovalPanel {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Timeline actions that are part of an approval's story. */
    private static final Set<String> APPROVAL_ACTIONS = Set.of("submit", "withdraw", "flow.step", "flow.approved",
            "flow.rejected");
    private static final Set<ApprovalState> SUBMITTABLE = Set.of(ApprovalState.NONE, ApprovalState.REJECTED,
            ApprovalState.WITHDRAWN, ApprovalState.APPROVED);

    @Inject
    RecordQueries queries;

    @Inject
    RecordPermissions permissions;

    @Inject
    PublishedFlows flows;

    @Inject
    FlowEngines engines;

    @Inject
    Pool pool;

    public Uni<ObjectNode> of(String appKey, String formKey, UUID id, Access access) {
        return queries.get(appKey, formKey, id, access).chain(record -> permissions.allowed(appKey, formKey, id, access)
                .chain(allowed -> flows.forForm(appKey, formKey)
                        .chain(bound -> queries.timeline(appKey, formKey, id, access)
                                .chain(timeline -> engines.call(engine -> engine.tasksFor(id.toString()))
                                        .chain(open -> panel(record, allowed, bound, timeline, open, access))))));
    }

    private Uni<ObjectNode> panel(ObjectNode record, Set<Action> allowed, List<PublishedFlow> bound, ObjectNode timeline,
                                  List<OpenTask> open, Access access) {
        ApprovalState state = ApprovalState.of(record.path("approval").asText(null));
        PublishedFlow onSubmit = bound.stream().filter(f -> f.plan().trigger() != null
                && f.plan().trigger().on() == TriggerEvent.SUBMIT).findFirst().orElse(null);
        List<JsonNode> story = new ArrayList<>();
        timeline.path("items").forEach(item -> {
            if (APPROVAL_ACTIONS.contains(item.path("action").asText())) {
                story.add(0, item); // oldest first
            }
        });
        Set<UUID> people = new LinkedHashSet<>();
        story.forEach(item -> {
            uuid(item.path("by")).ifPresent(people::add);
            uuid(item.path("detail").path("assignee")).ifPresent(people::add);
        });
        open.forEach(task -> uuid(JSON.textNode(task.assignee())).ifPresent(people::add));
        return names(people).map(names -> {
            ObjectNode panel = JSON.objectNode();
            panel.put("state", state.json());
            JsonNode last = story.isEmpty() ? null : story.get(story.size() - 1).path("detail");
            panel.put("flow", last != null && last.hasNonNull("flow") ? last.get("flow").asText()
                    : onSubmit == null ? null : onSubmit.flowKey());
            ArrayNode current = panel.putArray("current");
            String mine = null;
            for (OpenTask task : open) {
                ObjectNode step = current.addObject();
                step.put("step", task.node());
                step.set("assignee", person(task.assignee(), names));
                step.put("created", task.created() == null ? null : task.created().toString());
                if (access.caller().id().toString().equals(task.assignee())) {
                    mine = task.id();
                    step.put("task", task.id());
                }
            }
            ArrayNode history = panel.putArray("history");
            story.forEach(item -> history.add(event(item, names)));
            ArrayNode actions = panel.putArray("actions");
            boolean mayUpdate = allowed.contains(Action.UPDATE);
            if (onSubmit != null && mayUpdate && SUBMITTABLE.contains(state)) {
                actions.add("submit");
            }
            if (state == ApprovalState.PENDING && mayUpdate) {
                actions.add("withdraw");
            }
            if (mine != null && state == ApprovalState.PENDING) {
                actions.add("approve").add("reject").add("transfer");
            }
            panel.put("task", mine);
            panel.set("steps", stepLabels(bound));
            return panel;
        });
    }

    /** What each step of the form's flows is called, per language, so no screen shows a node key. */
    private static ObjectNode stepLabels(List<PublishedFlow> bound) {
        ObjectNode steps = JSON.objectNode();
        bound.forEach(flow -> flow.plan().approvals().forEach((key, step) -> steps.set(key, FlowPlanJson.labelJson(step.label()))));
        return steps;
    }

    private static ObjectNode event(JsonNode item, Map<UUID, String> names) {
        JsonNode detail = item.path("detail");
        String action = item.path("action").asText();
        ObjectNode event = JSON.objectNode();
        event.put("at", item.path("at").asText(null));
        event.put("event", switch (action) {
            case "submit" -> "submitted";
            case "withdraw" -> "withdrawn";
            // the flow's outcome, after its last step
            case "flow.approved", "flow.rejected" -> "completed";
            default -> detail.path("event").asText("step");
        });
        event.put("step", detail.path("node").asText(null));
        if (action.startsWith("flow.") && !action.equals("flow.step")) {
            event.put("outcome", action.substring("flow.".length()));
        }
        event.set("by", person(item.path("by").asText(null), names));
        event.put("comment", detail.path("comment").asText(null));
        if (detail.hasNonNull("to")) {
            event.set("to", person(detail.get("to").asText(), names));
        } else if (detail.hasNonNull("assignee")) {
            // a step's task: who was asked (its "by" is whoever's action reached the step)
            event.set("to", person(detail.get("assignee").asText(), names));
        }
        return event;
    }

    private static JsonNode person(String id, Map<UUID, String> names) {
        java.util.Optional<UUID> uuid = uuid(JSON.textNode(id));
        if (uuid.isEmpty()) {
            return JSON.nullNode();
        }
        ObjectNode person = JSON.objectNode();
        person.put("id", id);
        person.put("name", names.get(uuid.get()));
        return person;
    }

    private static java.util.Optional<UUID> uuid(JsonNode text) {
        try {
            return text == null || !text.isTextual() ? java.util.Optional.empty()
                    : java.util.Optional.of(UUID.fromString(text.asText()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Display names of the people in the story (a task's assignee may be asked, not yet seen on the timeline). */
    private Uni<Map<UUID, String>> names(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT id, display_name FROM brickwork.users WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0])))
                .map(rows -> {
                    Map<UUID, String> names = new HashMap<>();
                    for (Row row : rows) {
                        names.put(row.getUUID(0), row.getString(1));
                    }
                    return names;
                });
    }
}
