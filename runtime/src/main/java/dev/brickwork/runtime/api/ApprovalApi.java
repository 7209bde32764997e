package dev.brickwork.runtime.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Approvals (docs/spec.md §5): the task inbox, decisions, transfers, notifications and set-aside flow effects. */
public final class ApprovalApi {

    private ApprovalApi() {
    }

    public record TaskInbox(List<Task> items) {
    }

    /** A row of one inbox tab: open tasks have {@code created} and {@code due}, decisions {@code decision},
     * {@code comment} and {@code decidedAt}, submitted records {@code submittedAt} (and no task id or step). */
    public record Task(String id, @Schema(description = "The approval node's key") String step, String flow, Instant created,
                       @Schema(description = "When the step's timeout fires; null without one") Instant due,
                       @Schema(enumeration = {"approved", "rejected", "transferred"}) String decision, String comment,
                       Instant decidedAt, Instant submittedAt, TaskRecord record) {
    }

    public record TaskRecord(UUID id, String app, String form, String title,
                             @Schema(enumeration = {"none", "pending", "approved", "rejected", "withdrawn"}) String approval,
                             String link) {
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
