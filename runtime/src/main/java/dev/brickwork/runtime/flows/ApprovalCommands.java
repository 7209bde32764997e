package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.flow.PublishedFlow;
import dev.brickwork.designer.flow.PublishedFlows;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.records.ApprovalState;
import dev.brickwork.runtime.records.RecordApprovals;
import dev.brickwork.runtime.records.RecordQueries;
import dev.brickwork.workflow.engine.FlowEngine;
import dev.brickwork.workflow.engine.FlowEngineException;
import dev.brickwork.workflow.engine.OpenTask;
import dev.brickwork.workflow.engine.TaskClosedException;
import dev.brickwork.workflow.model.TriggerEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Submit, withdraw, decide and transfer (docs/spec.md §5). Record state moves in our transactions with an outbox row;
 * engine steps write their effects in the engine's transactions; both are applied before the answer, so a caller
 * sees the record as the decision left it.
 */
@ApplicationScoped
public class ApprovalCommands {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_COMMENT = 2000;

    @Inject
    PublishedFlows flows;

    @Inject
    RecordApprovals records;

    @Inject
    RecordQueries queries;

    @Inject
    FlowOutbox outbox;

    @Inject
    FlowEffects effects;

    @Inject
    FlowEngines engines;

    public Uni<ObjectNode> submit(String appKey, String formKey, UUID id, String ifMatch, Access access) {
        Actor actor = new Actor(access.caller().id(), access.caller().name());
        return flows.forForm(appKey, formKey).chain(bound -> {
            PublishedFlow flow = bound.stream().filter(f -> f.plan().trigger() != null
                            && f.plan().trigger().on() == TriggerEvent.SUBMIT).findFirst()
                    .orElseThrow(() -> new ProblemException(FlowProblem.NO_FLOW,
                            "No published approval flow of this form starts on submit."));
            FlowOutbox.Entry entry = new FlowOutbox.Entry(Ids.newId(), "start", appKey, formKey, id, flow.flowKey(),
                    flow.processDefinitionId(), actor.id());
            return records.move(appKey, formKey, id, access, Action.UPDATE, ifMatch,
                            EnumSet.of(ApprovalState.NONE, ApprovalState.REJECTED, ApprovalState.WITHDRAWN, ApprovalState.APPROVED),
                            ApprovalState.PENDING, "submit", detail(flow), connection -> FlowOutbox.add(connection, entry))
                    .chain(record -> outbox.deliver(entry, actor)
                            .onFailure(e -> NoApproversException.in(e) != null).transform(ApprovalCommands::noApprovers)
                            // the record as moved, unless the flow's first steps changed it
                            .chain(changed -> changed ? queries.get(appKey, formKey, id, access) : Uni.createFrom().item(record)));
        });
    }

    public Uni<ObjectNode> withdraw(String appKey, String formKey, UUID id, String ifMatch, Access access) {
        Actor actor = new Actor(access.caller().id(), access.caller().name());
        FlowOutbox.Entry entry = new FlowOutbox.Entry(Ids.newId(), "cancel", appKey, formKey, id, null, null, actor.id());
        return records.move(appKey, formKey, id, access, Action.UPDATE, ifMatch, EnumSet.of(ApprovalState.PENDING),
                        ApprovalState.WITHDRAWN, "withdraw", null, connection -> FlowOutbox.add(connection, entry))
                .chain(record -> outbox.deliver(entry, actor)
                        .chain(changed -> changed ? queries.get(appKey, formKey, id, access) : Uni.createFrom().item(record)));
    }

    /**
     * Approves or rejects a task of the caller's; the answer names the record and its approval state after it. The
     * checks, the decision, its timeline entry and what the flow does next are one engine transaction.
     */
    public Uni<ObjectNode> decide(String taskId, boolean approve, JsonNode body, Access access) {
        String comment = comment(body);
        Actor actor = new Actor(access.caller().id(), access.caller().name());
        Decision decision = new Decision();
        return engines.call(engine -> Actor.as(actor, () -> EffectRows.wroteAny(() ->
                        engine.decide(taskId, approve, (task, connection) -> {
                            PublishedFlow flow = yoursAndPending(task, access, connection);
                            decision.task = task;
                            decision.flow = flow;
                            ObjectNode detail = stepDetail(flow, task, approve ? "approved" : "rejected");
                            if (comment != null) {
                                detail.put("comment", comment);
                            }
                            note(connection, flow, task, actor, detail);
                        }))))
                .onFailure(e -> NoApproversException.in(e) != null).transform(ApprovalCommands::noApprovers)
                .onFailure(ApprovalCommands::closedMeanwhile).transform(ApprovalCommands::taskClosed)
                .chain(changed -> {
                    UUID record = UUID.fromString(decision.task.businessKey());
                    // without effects the record is as the check found it, pending
                    return changed ? effects.drain(record).chain(set -> set != null ? Uni.createFrom().item(set)
                            : records.approval(decision.flow.appKey(), decision.flow.plan().form(), record))
                            : Uni.createFrom().item(ApprovalState.PENDING);
                })
                .map(approval -> {
                    ObjectNode result = JSON.objectNode();
                    result.put("task", decision.task.id());
                    result.put("decision", approve ? "approved" : "rejected");
                    ObjectNode record = result.putObject("record");
                    record.put("id", decision.task.businessKey());
                    record.put("app", decision.flow.appKey());
                    record.put("form", decision.flow.plan().form());
                    record.put("approval", approval == null ? null : approval.json());
                    return result;
                });
    }

    /** What the engine transaction of a decision found: the task and its flow (set by its last attempt). */
    private static final class Decision {
        volatile OpenTask task;
        volatile PublishedFlow flow;
    }

    public Uni<ObjectNode> transfer(String taskId, JsonNode body, Access access) {
        UUID to = transferTarget(body);
        Actor actor = new Actor(access.caller().id(), access.caller().name());
        Decision transfer = new Decision();
        return engines.call(engine -> Actor.as(actor, () -> EffectRows.wroteAny(() ->
                        engine.transfer(taskId, to.toString(), (task, connection) -> {
                            PublishedFlow flow = yoursAndPending(task, access, connection);
                            transfer.task = task;
                            transfer.flow = flow;
                            notToSelf(to, task);
                            ActiveUsers.require(connection, to);
                            ObjectNode detail = stepDetail(flow, task, "transferred");
                            detail.put("to", to.toString());
                            note(connection, flow, task, actor, detail);
                            Notices.writeOn(connection, target(flow, task), Notices.of(flow, "task",
                                    List.of(to.toString()), "An approval was handed to you ({flow}: {step})", task));
                        }))))
                .onFailure(ApprovalCommands::closedMeanwhile).transform(ApprovalCommands::taskClosed)
                .chain(changed -> changed ? effects.drain(UUID.fromString(transfer.task.businessKey()))
                        : Uni.createFrom().voidItem())
                .map(ignored -> {
                    ObjectNode result = JSON.objectNode();
                    result.put("task", transfer.task.id());
                    result.put("assignee", to.toString());
                    return result;
                });
    }

    /**
     * Inside the engine's transaction, before it acts: the task must be the caller's (403) and its record must still
     * wait for the decision (409: withdrawn or deleted meanwhile). The flow the task belongs to.
     */
    private PublishedFlow yoursAndPending(OpenTask task, Access access, Connection connection) throws SQLException {
        if (!access.caller().id().toString().equals(task.assignee())) {
            throw new ProblemException(FlowProblem.TASK_NOT_YOURS, "The task is assigned to someone else.");
        }
        PublishedFlow flow = flows.cachedByProcessDefinition(task.processDefinitionId())
                .or(() -> Blocking.await(() -> flows.byProcessDefinition(task.processDefinitionId())))
                .orElseThrow(() -> new ProblemException(FlowProblem.TASK_NOT_FOUND, "There is no such task."));
        UUID record = UUID.fromString(task.businessKey());
        if (records.approvalOn(connection, flow.appKey(), flow.plan().form(), record) != ApprovalState.PENDING) {
            throw new ProblemException(FlowProblem.NOT_PENDING,
                    "The record is no longer waiting for approval (it was withdrawn or deleted).");
        }
        return flow;
    }

    private void note(Connection connection, PublishedFlow flow, OpenTask task, Actor actor, ObjectNode detail)
            throws SQLException {
        records.noteOn(connection, flow.appKey(), flow.plan().form(), UUID.fromString(task.businessKey()), "flow.step",
                detail, actor.id(), actor.name());
    }

    private static void notToSelf(UUID to, OpenTask task) {
        if (to.toString().equals(task.assignee())) {
            throw invalid("/to", "TRANSFER_TO_SELF", "The task is already assigned to this user.");
        }
    }

    /** The task was decided or cancelled by another call after our check, or the flow kept changing under it. */
    private static boolean closedMeanwhile(Throwable failure) {
        return failure instanceof TaskClosedException
                || failure instanceof FlowEngineException engine && engine.code() == FlowEngineException.Code.CONFLICT;
    }

    private static ProblemException taskClosed(Throwable failure) {
        if (failure instanceof FlowEngineException) {
            return new ProblemException(FlowProblem.FLOW_BUSY,
                    "Other decisions changed this flow at the same moment; try again.");
        }
        FlowEngine.Closed reason = ((TaskClosedException) failure).reason();
        if (reason == FlowEngine.Closed.UNKNOWN) {
            return new ProblemException(FlowProblem.TASK_NOT_FOUND, "There is no such task.");
        }
        return new ProblemException(FlowProblem.TASK_CLOSED, reason == FlowEngine.Closed.CANCELLED
                ? "The task was closed without a decision (its flow moved on or was withdrawn)."
                : "The task has been decided already.");
    }

    private static ProblemException noApprovers(Throwable failure) {
        String node = NoApproversException.in(failure).node();
        return new ProblemException(FlowProblem.NO_APPROVERS, "No active user can decide the next approval step.",
                List.of(ProblemError.of("/nodes/" + node, "NO_APPROVERS", "The step's approvers resolve to no active user.")));
    }

    private static String comment(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw invalid("", "BODY_NOT_OBJECT", "The body must be a JSON object.");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!"comment".equals(name)) {
                throw invalid("/" + name, "PROPERTY_UNKNOWN", "Only 'comment' may be given.");
            }
        });
        JsonNode comment = body.get("comment");
        if (comment == null || comment.isNull()) {
            return null;
        }
        if (!comment.isTextual()) {
            throw invalid("/comment", "COMMENT_INVALID", "The comment must be text.");
        }
        if (comment.asText().length() > MAX_COMMENT) {
            throw invalid("/comment", "COMMENT_TOO_LONG", "A comment may have at most " + MAX_COMMENT + " characters.");
        }
        return comment.asText();
    }

    private static UUID transferTarget(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("", "BODY_NOT_OBJECT", "The body must be a JSON object with 'to'.");
        }
        JsonNode to = body.get("to");
        if (to == null || !to.isTextual()) {
            throw invalid("/to", "PROPERTY_REQUIRED", "'to' must be a user id.");
        }
        try {
            return UUID.fromString(to.asText());
        } catch (IllegalArgumentException e) {
            throw invalid("/to", "USER_UNKNOWN", "'to' must be the id of an active user.");
        }
    }

    static ProblemException invalid(String pointer, String code, String message) {
        return new ProblemException(FlowProblem.TASK_INPUT_INVALID, message, List.of(ProblemError.of(pointer, code, message)));
    }

    private static ObjectNode detail(PublishedFlow flow) {
        ObjectNode detail = JSON.objectNode();
        detail.put("flow", flow.flowKey());
        detail.put("flowVersion", flow.version());
        return detail;
    }

    private static ObjectNode stepDetail(PublishedFlow flow, OpenTask task, String event) {
        ObjectNode detail = detail(flow);
        detail.put("node", task.node());
        detail.put("task", task.id());
        detail.put("event", event);
        return detail;
    }

    private static EffectRows.Target target(PublishedFlow flow, OpenTask task) {
        return new EffectRows.Target(flow.appKey(), flow.plan().form(), UUID.fromString(task.businessKey()));
    }
}
