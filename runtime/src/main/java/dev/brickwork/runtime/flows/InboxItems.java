package dev.brickwork.runtime.flows;

import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.plan.FlowPlanJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.runtime.records.RecordApprovals;
import dev.brickwork.runtime.records.RecordApprovals.Headline;
import dev.brickwork.workflow.engine.OpenTask;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rows of the three inbox tabs (docs/spec.md §5): open tasks, decisions taken, records submitted. Each names its
 * record with its title and approval state, read with one query per form; a record that is gone drops its row.
 */
@ApplicationScoped
public class InboxItems {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    PublishedFlows flows;

    @Inject
    RecordApprovals records;

    /** Where a row's record is. */
    private record Target(String app, String form, UUID record) {
        String formKey() {
            return app + "/" + form;
        }
    }

    /** The caller's open tasks in task order: step, waiting since, when its timeout fires. */
    Uni<List<ObjectNode>> open(List<OpenTask> tasks) {
        return Multi.createFrom().iterable(tasks).onItem()
                .transformToUniAndConcatenate(task -> flows.byProcessDefinition(task.processDefinitionId())
                        .map(found -> found.map(flow -> Map.entry(task, flow)).orElse(null)))
                .filter(Objects::nonNull).collect().asList()
                .chain(pending -> rows(pending, entry -> target(entry.getValue(), entry.getKey()), (entry, record) -> {
                    OpenTask task = entry.getKey();
                    ObjectNode item = JSON.objectNode();
                    item.put("id", task.id());
                    item.put("step", task.node());
                    FlowPlan.Approval step = entry.getValue().plan().approvals().get(task.node());
                    item.set("stepLabel", step == null ? JSON.nullNode() : FlowPlanJson.labelJson(step.label()));
                    item.put("flow", entry.getValue().flowKey());
                    item.put("created", text(task.created()));
                    item.put("due", text(task.due()));
                    item.set("record", record);
                    return item;
                }));
    }

    /** Decisions the caller took, newest first. */
    Uni<List<ObjectNode>> decided(List<TaskHistory.Entry> entries) {
        return rows(entries, InboxItems::target, (entry, record) -> {
            JsonNode detail = entry.detail();
            ObjectNode item = JSON.objectNode();
            item.put("id", detail.path("task").asText(null));
            item.put("step", detail.path("node").asText(null));
            item.put("flow", detail.path("flow").asText(null));
            item.put("decision", detail.path("event").asText(null));
            item.put("comment", detail.path("comment").asText(null));
            item.put("decidedAt", text(entry.at()));
            item.set("record", record);
            return item;
        });
    }

    /** Records the caller submitted for approval, the latest first, with where their approval stands. */
    Uni<List<ObjectNode>> submitted(List<TaskHistory.Entry> entries) {
        return rows(entries, InboxItems::target, (entry, record) -> {
            ObjectNode item = JSON.objectNode();
            item.put("flow", entry.detail() == null ? null : entry.detail().path("flow").asText(null));
            item.put("submittedAt", text(entry.at()));
            item.set("record", record);
            return item;
        });
    }

    private interface Row<T> {
        ObjectNode of(T source, ObjectNode record);
    }

    private <T> Uni<List<ObjectNode>> rows(List<T> sources, Function<T, Target> where, Row<T> row) {
        Map<String, List<Target>> byForm = new LinkedHashMap<>();
        sources.forEach(source -> byForm.computeIfAbsent(where.apply(source).formKey(), k -> new ArrayList<>())
                .add(where.apply(source)));
        Map<UUID, Headline> headlines = new ConcurrentHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Target> group : byForm.values()) {
            Target first = group.get(0);
            List<UUID> ids = group.stream().map(Target::record).distinct().toList();
            chain = chain.chain(() -> records.headlines(first.app(), first.form(), ids)
                    .invoke(headlines::putAll).replaceWithVoid());
        }
        return chain.map(done -> {
            List<ObjectNode> items = new ArrayList<>();
            for (T source : sources) {
                Target target = where.apply(source);
                Headline headline = headlines.get(target.record());
                if (headline != null) {
                    items.add(row.of(source, record(target, headline)));
                }
            }
            return items;
        });
    }

    private static ObjectNode record(Target target, Headline headline) {
        ObjectNode record = JSON.objectNode();
        record.put("id", target.record().toString());
        record.put("app", target.app());
        record.put("form", target.form());
        record.put("title", headline.title());
        record.put("approval", headline.approval().json());
        record.put("link", "/api/v1/apps/" + target.app() + "/forms/" + target.form() + "/records/" + target.record());
        return record;
    }

    private static Target target(PublishedFlow flow, OpenTask task) {
        return new Target(flow.appKey(), flow.plan().form(), UUID.fromString(task.businessKey()));
    }

    private static Target target(TaskHistory.Entry entry) {
        return new Target(entry.app(), entry.form(), entry.record());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
