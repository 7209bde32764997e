package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.records.RecordApprovals;
import dev.brickwork.workflow.engine.FlowCall;
import dev.brickwork.workflow.engine.FlowHooks;
import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.plan.FlowPlan;
import dev.brickwork.workflow.run.FlowConditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The runtime's answers to the engine (the RuntimeContract): conditions over the record, approvers resolved to
 * users, and every step's effect on the record in the engine's transaction: timeline entries and notifications
 * directly, record changes (and messages naming record fields) as {@code flow_effects} rows for {@link FlowEffects}.
 */
@ApplicationScoped
public class RecordFlowHooks implements FlowHooks {

    /** Values written by the flow's update nodes so far: conditions after them must see them before they land. */
    static final String SET_SO_FAR = "brickwork_set";

    @Inject
    PublishedFlows flows;

    @Inject
    RecordApprovals records;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    @Override
    public boolean condition(FlowCall call, String conditionId) {
        PublishedFlow flow = flow(call);
        String source = flow.plan().conditions().get(conditionId);
        if (source == null) {
            return false;
        }
        ObjectNode fields = fields(call, flow);
        Object setSoFar = call.variable(SET_SO_FAR);
        if (setSoFar instanceof String json) {
            fields.setAll((ObjectNode) JsonBodies.parse(json));
        }
        RecordApprovals.Typed current = Blocking.await(() -> records.evaluate(flow.appKey(), flow.plan().form(), fields));
        return FlowConditions.holds(current.form(), source, current.values().values(), current.values().rows(),
                clock, zone);
    }

    @Override
    public List<String> approvers(FlowCall call, String nodeKey) {
        PublishedFlow flow = flow(call);
        boolean escalation = nodeKey.endsWith(".escalation");
        String key = escalation ? nodeKey.substring(0, nodeKey.length() - ".escalation".length()) : nodeKey;
        FlowPlan.Approval approval = flow.plan().approvals().get(key);
        if (approval == null) {
            throw new NoApproversException(key);
        }
        List<Approver> approvers = escalation ? approval.timeout().to() : approval.approvers();
        List<String> users = new ApproverResolver(call.connection()).resolve(approvers, people(call, flow));
        if (users.isEmpty()) {
            throw new NoApproversException(key);
        }
        return users;
    }

    @Override
    public void activity(FlowCall call) {
        PublishedFlow flow = flow(call);
        FlowPlan.Activity activity = flow.plan().activities().get(call.activityId());
        EffectRows.Target target = target(call, flow);
        Actor actor = Actor.current();
        if (activity instanceof FlowPlan.Notify notify) {
            List<String> users = new ApproverResolver(call.connection()).resolve(notify.to(), people(call, flow));
            notify(call, target, actor, Notices.of(flow, "message", users, notify.message(), null));
        } else if (activity instanceof FlowPlan.Update update) {
            remember(call, update.set());
            ObjectNode payload = JSON.objectNode();
            payload.set("set", values(update.set()));
            payload.set("detail", detail(flow, call.activityId()));
            EffectRows.write(call.connection(), target, "update", actor, payload);
        } else if (activity instanceof FlowPlan.Finish finish) {
            ObjectNode payload = JSON.objectNode();
            payload.put("approved", finish.approved());
            payload.set("set", values(finish.set()));
            payload.set("detail", detail(flow, null));
            EffectRows.write(call.connection(), target, "finish", actor, payload);
        } else if (activity instanceof FlowPlan.TimedOut timedOut) {
            timedOut(call, flow, target, timedOut.node());
        }
    }

    @Override
    public void taskCreated(FlowCall call, OpenTask task) {
        PublishedFlow flow = flow(call);
        EffectRows.Target target = target(call, flow);
        Actor actor = Actor.current();
        notify(call, target, actor,
                Notices.of(flow, "task", List.of(task.assignee()), "Your approval is requested ({flow}: {step})", task));
        ObjectNode detail = detail(flow, task.node());
        detail.put("event", "task");
        detail.put("task", task.id());
        detail.put("assignee", task.assignee());
        note(call, target, actor, detail);
    }

    /**
     * A step's timeline entry, written in the step's own transaction: it changes nothing on the record, so no record
     * rule needs to run on it (record changes go through {@link FlowEffects}).
     */
    private void note(FlowCall call, EffectRows.Target target, Actor actor, ObjectNode detail) {
        try {
            records.noteOn(call.connection(), target.appKey(), target.formKey(), target.record(), "flow.step", detail,
                    actor.id(), actor.name());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("A flow step's timeline entry could not be written", e);
        }
    }

    /** Notifications in the step's transaction, unless the message names record fields (then an effect fills it in). */
    private static void notify(FlowCall call, EffectRows.Target target, Actor actor, ObjectNode notice) {
        if (Notices.needsRecord(notice)) {
            EffectRows.write(call.connection(), target, "notify", actor, notice);
        } else {
            Notices.writeOn(call.connection(), target, notice);
        }
    }

    private void timedOut(FlowCall call, PublishedFlow flow, EffectRows.Target target, String node) {
        FlowPlan.Approval approval = flow.plan().approvals().get(node);
        TimeoutAction action = approval.timeout().action();
        List<OpenTask> open = call.openTasks().stream().filter(t -> node.equals(t.node())).toList();
        ObjectNode detail = detail(flow, node);
        detail.put("event", "timeout");
        detail.put("timeoutAction", action.json());
        List<String> escalateTo = action == TimeoutAction.ESCALATE ? approvers(call, node + ".escalation") : List.of();
        if (!escalateTo.isEmpty()) {
            detail.put("escalatedTo", escalateTo.get(0));
        }
        // the timeout first: the tasks it hands over are noted after it
        note(call, target, Actor.FLOW, detail);
        if (action == TimeoutAction.REJECT) {
            call.setVariable("rejected_" + node, Boolean.TRUE);
        } else if (action == TimeoutAction.REMIND) {
            List<String> waiting = open.stream().map(OpenTask::assignee).distinct().toList();
            notify(call, target, Actor.FLOW, Notices.of(flow, "reminder", waiting,
                    "Reminder: your approval is still requested ({flow}: {step})", null).put("step", node));
        } else if (action == TimeoutAction.ESCALATE) {
            for (OpenTask task : open) {
                call.reassign(task.id(), escalateTo.get(0));
            }
            notify(call, target, Actor.FLOW, Notices.of(flow, "escalation", escalateTo,
                    "An approval was escalated to you ({flow}: {step})", null).put("step", node));
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ObjectNode detail(PublishedFlow flow, String node) {
        ObjectNode detail = JSON.objectNode();
        detail.put("flow", flow.flowKey());
        detail.put("flowVersion", flow.version());
        if (node != null) {
            detail.put("node", node);
        }
        return detail;
    }

    private static ObjectNode values(Outcome outcome) {
        ObjectNode set = JSON.objectNode();
        for (Map.Entry<String, JsonNode> entry : outcome.set().entrySet()) {
            set.set(entry.getKey(), entry.getValue());
        }
        return set;
    }

    /** Keeps an update node's values on the instance, for the conditions evaluated before the effect lands. */
    private static void remember(FlowCall call, Outcome outcome) {
        Object previous = call.variable(SET_SO_FAR);
        ObjectNode soFar = previous instanceof String json ? (ObjectNode) JsonBodies.parse(json) : JSON.objectNode();
        soFar.setAll(values(outcome));
        call.setVariable(SET_SO_FAR, soFar.toString());
    }

    private PublishedFlow flow(FlowCall call) {
        // a cache hit needs no hand-over to a Vert.x context (every hook of every step asks)
        return flows.cachedByProcessDefinition(call.processDefinitionId())
                .or(() -> Blocking.await(() -> flows.byProcessDefinition(call.processDefinitionId())))
                .orElseThrow(() -> new IllegalStateException("No published flow version has this process definition"));
    }

    /** Every field of the record as stored (a fresh tree: the caller lays the flow's own writes over it). */
    private ObjectNode fields(FlowCall call, PublishedFlow flow) {
        ObjectNode fields = Blocking.await(() -> records.fields(flow.appKey(), flow.plan().form(),
                UUID.fromString(call.businessKey())));
        if (fields == null) {
            throw new IllegalStateException("The flow's record is gone");
        }
        return fields;
    }

    /** The record's owner, creator and user fields, for approver and recipient rules (read in the step's transaction). */
    private ObjectNode people(FlowCall call, PublishedFlow flow) {
        try {
            ObjectNode people = records.peopleOn(call.connection(), flow.appKey(), flow.plan().form(),
                    UUID.fromString(call.businessKey()));
            if (people == null) {
                throw new IllegalStateException("The flow's record is gone");
            }
            return people;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The flow's record could not be read", e);
        }
    }

    private static EffectRows.Target target(FlowCall call, PublishedFlow flow) {
        return new EffectRows.Target(flow.appKey(), flow.plan().form(), UUID.fromString(call.businessKey()));
    }
}
