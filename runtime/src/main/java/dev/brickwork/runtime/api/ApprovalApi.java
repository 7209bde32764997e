package dev.brickwork.runtime.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Approvals (docs/spec.md §5): the task inbox, decisions, transfers, notifications and set-aside flow effects. */
public final class ApprovalApi {

    private ApprovalApi() {
    }

    public record TaskInbox(List<Task> items) {
    }

    /** A row of one inbox tab: open tasks have {@code created} and {@code due}, decisions {@code decision},
     * {@code comment} and {@code decidedAt}, submitted records {@code submittedAt} (and no task id or step). */
    public record Task(String id, @Schema(description = "The approval node's key") String step,
                       @Schema(description = "Open tasks: what the flow calls the step, a plain string or text per language")
                       Object stepLabel, String flow, Instant created,
                       @Schema(description = "When the step's timeout fires; null without one") Instant due,
                       @Schema(enumeration = {"approved", "rejected", "transferred"}) String decision, String comment,
                       Instant decidedAt, Instant submittedAt, TaskRecord record) {
    }

    public record TaskRecord(UUID id, String app, String form, String title,
                             @Schema(enumeration = {"none", "pending", "approved", "rejected", "withdrawn"}) String approval,
                             String link) {
    }

    /** A record's approval panel: its state, who is asked now, the story so far, the actions the caller may take. */
    public record ApprovalView(@Schema(enumeration = {"none", "pending", "approved", "rejected", "withdrawn"}) String state,
                               String flow, List<CurrentStep> current, List<ApprovalEvent> history,
                               @Schema(description = "submit, withdraw, approve, reject, transfer") List<String> actions,
                               @Schema(description = "The caller's open task on the record, for approve / reject / transfer")
                               String task,
                               @Schema(description = "Step key to what the flow calls it (a plain string or text per language)")
                               Map<String, Object> steps) {
    }

    public record Person(UUID id, String name) {
    }

    /** @param task the task id, only when it is the caller's */
    public record CurrentStep(String step, Person assignee, Instant created, String task) {
    }

    public record ApprovalEvent(Instant at,
                                @Schema(description = "submitted, withdrawn, task (someone was asked), approved, rejected,"
                                        + " transferred, timeout, completed (the flow's outcome) …") String event,
                                String step, Person by, String comment, Person to,
                                @Schema(enumeration = {"approved", "rejected"}) String outcome) {
    }

    public record DecisionRequest(String comment) {
    }

    public record Decision(String task, @Schema(enumeration = {"approved", "rejected"}) String decision, DecidedRecord record) {
    }

    /** @param approval the record's approval state after the decision (still {@code pending} while steps remain) */
    public record DecidedRecord(UUID id, String app, String form, String approval) {
    }

    public record TransferRequest(UUID to) {
    }

    public record Transferred(String task, UUID assignee) {
    }

    public record NotificationPage(List<Notification> items) {
    }

    public record Notification(UUID id, String kind, String message, String app, String form, UUID record, String task,
                               Instant createdAt, boolean read) {
    }

    public record FlowEffectList(List<FlowEffect> items) {
    }

    public record FlowEffect(long seq, String app, String form, UUID record, String kind, int attempts, String lastError,
                             Instant createdAt, Instant failedAt) {
    }

    /** @param done the effect no longer waits: it landed, or was dropped because its record no longer waits for it */
    public record FlowEffectRetried(long seq, boolean done) {
    }
}
