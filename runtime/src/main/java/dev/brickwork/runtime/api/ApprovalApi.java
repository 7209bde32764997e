package dev.brickwork.runtime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    /**
     * What to simulate (docs/spec.md §5): a definition (the saved draft when absent), a stored record or sample values
     * (laid over the record's when both are given), and for sample values the owner (the caller when absent).
     */
    public record SimulationRequest(@Schema(type = SchemaType.OBJECT, description = "A flow definition (docs/spec.md §5)")
                                    Object definition, UUID record,
                                    @Schema(type = SchemaType.OBJECT, description = "Field key to value") Object fields,
                                    UUID owner) {
    }

    /** The path a record would take through a flow, each approver every approval step would ask named. */
    public record Simulation(String flow, String form, SimulatedTrigger trigger, List<SimulatedStep> steps,
                             @Schema(enumeration = {"approved", "blocked", "not_started"},
                                     description = "approved: the path ends (when every step approves); blocked: a step"
                                             + " has no one to ask; not_started: the trigger's condition does not hold")
                             String outcome,
                             @Schema(type = SchemaType.OBJECT, description = "What an approval writes") Object onApproved,
                             @Schema(type = SchemaType.OBJECT, description = "What a rejection writes") Object onRejected) {
    }

    /** @param holds whether the trigger's condition holds; null without one */
    public record SimulatedTrigger(String on, String when, Boolean holds) {
    }

    /**
     * One step on the path, in order: an approval with the people it asks, a branch with its conditions and the one
     * taken, a parallel split, a notification with its recipients, an update with what it writes.
     *
     * @param pointer where the node is in the definition ({@code /nodes/1/branches/0/nodes/0})
     * @param taken   a branch's index taken; null for a parallel node (every branch runs)
     * @param problem {@code NO_APPROVERS} when an approval would find no one (the running flow then refuses to go on)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SimulatedStep(String pointer, @Schema(enumeration = {"approval", "branch", "parallel", "notify", "update"})
                                String type, String key,
                                @Schema(description = "An approval's label, a plain string or text per language") Object label,
                                @Schema(enumeration = {"any", "all", "sequential"}) String mode, List<Person> approvers,
                                SimulatedTimeout timeout, List<SimulatedCondition> conditions, Integer taken,
                                List<Person> to, String message,
                                @Schema(type = SchemaType.OBJECT, description = "Field key to the value written") Object set,
                                String problem) {
    }

    /** @param escalateTo whom an escalation hands the tasks to */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SimulatedTimeout(String after, @Schema(enumeration = {"remind", "approve", "reject", "escalate"}) String action,
                                   List<Person> escalateTo) {
    }

    /** A branch's condition and whether it held (only those tried, in order; the otherwise branch has no {@code when}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SimulatedCondition(int branch, String when, boolean otherwise, boolean holds) {
    }
}
