package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Creating and changing records. Each command validates in memory, then in one transaction checks references,
 * unique values and duplicate rules, draws auto-numbers, writes the row and its subtable rows, keeps roll-ups
 * true and appends to the timeline. A refusal at any point rolls everything back.
 */
@ApplicationScoped
public class RecordCommands {

    /** A written record and what duplicate rules with {@code warn} found. */
    public record Written(ObjectNode record, boolean created) {
    }

    /** A command's transaction has committed: what it wrote, on which context, and the flow it starts (or null). */
    private record Committed<T>(RecordContext context, T written, RecordTriggers.Start start) {
    }

    @Inject
    Pool pool;

    @Inject
    RecordContexts contexts;

    @Inject
    RecordTriggers triggers;


    @Inject
    RecordValidator validator;

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    public Uni<Written> create(String appKey, String formKey, JsonNode body, String idempotencyKey, Access access) {
        ObjectNode given = RecordInput.fields(body);
        UUID user = access.caller().id();
        UUID owner = RecordInput.owner(body);
        return contexts.run(appKey, formKey, access, context -> {
            Guard.require(context, Action.CREATE);
            Guard.writable(context, given);
            ObjectNode defaulted = RecordInput.withDefaults(context.published().form(), given);
            // lookups are read before validating, so formulas and rules see them; written with the record
            return Lookups.fill(pool, context, defaulted).chain(fields -> {
                RecordValidation validation = validator.validate(context.published().form(), fields, given.properties().stream()
                        .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
                if (!validation.valid()) {
                    throw RecordInput.invalid(RecordInput.errors(validation.problems()));
                }
                return triggers.candidates(appKey, formKey, context.published().form(), true, user, access.caller().name())
                        .map(candidates -> candidates == null ? null : candidates.starts(null, validation))
                        .chain(start -> pool.withTransaction(connection -> Idempotency.claim(connection, context,
                                idempotencyKey, user)
                        .chain(claim -> claim.replay()
                                ? RecordEffects.readBack(connection, context, claim.id()).map(record -> replayed(record, claim))
                                : ownerAllowed(connection, context, owner, Action.CREATE)
                                .chain(() -> insert(connection, context, claim.id(), validation, user, owner == null ? user : owner,
                                        start))
                                .call(record -> Idempotency.remember(connection, idempotencyKey, user, record.get("meta")))
                                .map(record -> new Written(record, true))))
                        .map(written -> new Committed<>(context, written, start)));
            });
        })
                // after the commit nothing runs again: a failure there must not write the record a second time
                .chain(done -> started(done.context(), done.written(), done.start())
                        .map(written -> new Written(Guard.visible(done.context(), written.record()), written.created())))
                .onFailure(PgException.class).transform(RecordCommands::translate);
    }

    /** A replayed create answers the record with the first answer's {@code meta}, as the first answer had it. */
    private static Written replayed(ObjectNode record, Idempotency.Claim claim) {
        if (claim.meta() != null) {
            record.set("meta", claim.meta());
        }
        return new Written(record, false);
    }

    /** A record whose create started a flow, as it is once the flow's first steps have been applied. */
    private Uni<Written> started(RecordContext context, Written written, RecordTriggers.Start start) {
        if (start == null || !written.created()) {
            return Uni.createFrom().item(written);
        }
        UUID id = UUID.fromString(written.record().get("id").asText());
        return afterStart(context, id, written.record(), start).map(now -> new Written(now, true));
    }

    /** Delivers a start after its write committed, then reads the record back as the flow left it (with the write's meta). */
    private Uni<ObjectNode> afterStart(RecordContext context, UUID id, ObjectNode written, RecordTriggers.Start start) {
        return start.deliver().chain(() -> pool.withConnection(connection -> RecordEffects.readBack(connection, context, id)))
                .invoke(now -> now.set("meta", written.get("meta")));
    }

    public Uni<ObjectNode> update(String appKey, String formKey, UUID id, JsonNode body, String ifMatch, Access access) {
        Change change = new Change(RecordInput.fields(body), RecordInput.owner(body), IfMatch.version(ifMatch), false,
                false, null, "update", null, null);
        return contexts.run(appKey, formKey, access, context -> {
            AtomicReference<RecordTriggers.Start> started = new AtomicReference<>();
            return triggers.candidates(appKey, formKey, context.published().form(), false, access.caller().id(),
                            access.caller().name())
                    .chain(candidates -> pool.withTransaction(connection ->
                            change(connection, context, id, change, candidates, started::set)))
                    .map(record -> new Committed<>(context, record, started.get()));
        })
                .chain(done -> (done.start() == null ? Uni.createFrom().item(done.written())
                        : afterStart(done.context(), id, done.written(), done.start()))
                        .map(record -> Guard.visible(done.context(), record)))
                .onFailure(PgException.class).transform(RecordCommands::translate);
    }

    /**
     * One change to a record.
     *
     * @param byFlow       written by the record's approval flow: allowed while the approval is pending (staff are
     *                     refused then), needs no scope (the flow's definition decided it)
     * @param whilePending nothing is written (a null item) unless the record still waits for its approval
     * @param approvalTo the approval state the change also sets, or null
     * @param action     the timeline action ({@code update}, {@code flow.update}, {@code flow.approved}, …)
     * @param detail     what the timeline keeps beside the diff, or null
     * @param at         when the change happened, for a flow step's change that lands later; null for now
     */
    record Change(ObjectNode patch, UUID owner, Integer expected, boolean byFlow, boolean whilePending,
                  ApprovalState approvalTo, String action, ObjectNode detail, OffsetDateTime at) {
    }

    /** Validates and writes a change inside {@code connection}'s transaction; the whole record as it is now. */
    Uni<ObjectNode> change(SqlConnection connection, RecordContext context, UUID id, Change change) {
        return change(connection, context, id, change, null, start -> {
        });
    }

    /**
     * As above; a staff change that starts one of the {@code candidates} flows (null: none can start) hands the start
     * to {@code started}, to deliver after the commit.
     */
    private Uni<ObjectNode> change(SqlConnection connection, RecordContext context, UUID id, Change change,
                                   RecordTriggers.Candidates candidates, Consumer<RecordTriggers.Start> started) {
        ObjectNode patch = change.patch();
        UUID owner = change.owner();
        return Guard.load(connection, context, id, true, false)
                .call(row -> change.byFlow() ? Uni.createFrom().voidItem() : Guard.inScope(connection, context, id, Action.UPDATE))
                .call(row -> owner == null || owner.equals(row.getUUID("owner")) ? Uni.createFrom().voidItem()
                        : Guard.ownerInScope(connection, context, owner, Action.UPDATE))
                .chain(before -> {
                    ApprovalState approval = ApprovalState.of(before.getString("approval"));
                    if (change.whilePending() && approval != ApprovalState.PENDING) {
                        return Uni.createFrom().nullItem();
                    }
                    if (!change.byFlow() && approval == ApprovalState.PENDING) {
                        throw new ProblemException(RecordProblem.APPROVAL_PENDING,
                                "The record is waiting for approval; it can be changed when its flow ends or is withdrawn.");
                    }
                    Guard.writable(context, patch);
                    if (IfMatch.stale(change.expected(), before.getInteger("version"))) {
                        throw new ProblemException(RecordProblem.RECORD_STALE, "The record is at another version; read it again.");
                    }
                    return RecordRows.children(connection, context.table(), id).chain(rows -> {
                        ObjectNode current = RecordJson.fields(context.table(), before, rows);
                        return Lookups.fill(connection, context, Patches.merge(context.table(), current, patch))
                                .chain(merged -> {
                                RecordValidation validation = validator.validate(context.published().form(), merged,
                                        Patches.changedKeys(patch), current);
                                if (!validation.valid()) {
                                    throw RecordInput.invalid(RecordInput.errors(validation.problems()));
                                }
                                RecordTriggers.Start start = change.byFlow() || candidates == null ? null
                                        : candidates.starts(validator.validate(context.published().form(), current, Set.of(), current),
                                        validation);
                                ApprovalState to = start == null ? change.approvalTo() : ApprovalState.PENDING;
                                String assignment = to == null ? null : to.assignment();
                                ObjectNode detail = start == null ? change.detail() : start.detail();
                                return checks(connection, context, validation, id, current).chain(warnings -> RecordWriter.update(
                                                connection, context.table(), id,
                                                RecordWriter.columnValues(context.table(), written(context, validation, patch)),
                                                assignment, owner)
                                        .call(after -> writeRows(connection, context.table(), id, validation, patch))
                                        .call(after -> RecordEffects.parentRollups(connection, context, validator, before, after))
                                        .call(after -> Lookups.dependents(connection, context.appKey(), context.forms(),
                                                context.formKey(), context.table().cipherIfAny(), validator, List.of(id), 0))
                                        .chain(after -> RecordEffects.shape(connection, context, after, false))
                                        .call(record -> RecordHistory.append(connection, context, id, record.get("version").asInt(),
                                                change.action(), withApproval(Timeline.diff(current, record.get("fields")),
                                                        approval, to), detail, change.at()))
                                        .call(record -> start == null ? Uni.createFrom().voidItem() : start.enqueue(connection, id)
                                                .invoke(() -> started.accept(start)))
                                        .invoke(record -> RecordJson.meta(record, warnings)));
                                });
                    });
                });
    }

    /** The diff with the approval state's move, when the change made one. */
    static ObjectNode withApproval(ObjectNode diff, ApprovalState from, ApprovalState to) {
        if (to != null && to != from) {
            ObjectNode move = diff.putObject("approval");
            move.put("from", from.json());
            move.put("to", to.json());
        }
        return diff;
    }

    private Uni<ObjectNode> insert(SqlConnection connection, RecordContext context, UUID id, RecordValidation validation,
                                   UUID user, UUID owner, RecordTriggers.Start start) {
        Map<String, Value> values = new HashMap<>(validation.values());
        return checks(connection, context, validation, null, null).chain(warnings -> autonumbers(connection, context, values)
                .chain(() -> RecordWriter.insert(connection, context.table(), id, owner, user,
                        withApproval(RecordWriter.columnValues(context.table(), values), start)))
                .call(row -> writeRows(connection, context.table(), id, validation, null))
                .call(row -> RecordEffects.ownRollups(connection, context, validator, id))
                .call(row -> RecordEffects.parentRollups(connection, context, validator, null, row))
                .chain(row -> RecordEffects.shape(connection, context, row, true))
                .call(record -> RecordHistory.append(connection, context, id, 1, "create",
                        withApproval(Timeline.diff(null, record.get("fields")), ApprovalState.NONE,
                                start == null ? null : ApprovalState.PENDING), start == null ? null : start.detail(), null))
                .call(record -> start == null ? Uni.createFrom().voidItem() : start.enqueue(connection, id))
                .invoke(record -> RecordJson.meta(record, warnings)));
    }

    /** The insert's columns, with {@code approval = pending} when the create starts a flow. */
    private static Map<String, Object> withApproval(Map<String, Object> columns, RecordTriggers.Start start) {
        if (start == null) {
            return columns;
        }
        Map<String, Object> pending = new java.util.LinkedHashMap<>(columns);
        pending.put("approval", ApprovalState.PENDING.json());
        return pending;
    }

    private static Uni<Void> ownerAllowed(SqlConnection connection, RecordContext context, UUID owner, Action action) {
        return owner == null || owner.equals(context.access().caller().id()) ? Uni.createFrom().voidItem()
                : Guard.ownerInScope(connection, context, owner, action);
    }

    /**
     * References must exist, unique values must be free, and no duplicate rule with {@code block} may match.
     * {@code before}: the record's fields as stored, for an update (references it already held are not checked again).
     */
    private Uni<List<Integrity.Match>> checks(SqlConnection connection, RecordContext context, RecordValidation validation,
                                              UUID self, ObjectNode before) {
        FormTable table = context.table();
        return Integrity.danglingReferences(connection, table, validation, before).invoke(errors -> {
                    if (!errors.isEmpty()) {
                        throw RecordInput.invalid(errors);
                    }
                })
                .chain(() -> Integrity.takenUniqueValues(connection, table, validation.values(), self)).invoke(errors -> {
                    if (!errors.isEmpty()) {
                        throw new ProblemException(RecordProblem.NOT_UNIQUE, "A unique field's value is taken.", errors);
                    }
                })
                .chain(() -> Integrity.duplicates(connection, context, validation.values(), self, before))
                // what a caller learns of duplicates is limited to the records they may read
                .onItem().transformToMulti(matches -> io.smallrye.mutiny.Multi.createFrom().iterable(matches))
                .onItem().transformToUniAndConcatenate(match -> Guard.visible(connection, context, match))
                .collect().asList()
                .map(matches -> {
                    List<ProblemError> blocked = new ArrayList<>();
                    List<Integrity.Match> warnings = new ArrayList<>();
                    for (Integrity.Match visible : matches) {
                        if (visible.rule().action() == dev.brickwork.forms.model.RuleDefinition.DuplicateAction.BLOCK) {
                            blocked.add(new ProblemError("/fields/" + visible.rule().fields().get(0), "DUPLICATE_BLOCKED", null,
                                    "Duplicate rule '" + visible.rule().key() + "' matches an existing record"
                                            + (visible.form().equals(context.formKey()) ? "."
                                            : " of form '" + visible.form() + "'."),
                                    visible.records().stream().map(r -> new ProblemError.BlockingRow(r.toString(), null)).toList()));
                        } else if (!visible.records().isEmpty()) {
                            warnings.add(visible);
                        }
                    }
                    if (!blocked.isEmpty()) {
                        throw new ProblemException(RecordProblem.DUPLICATE, "A duplicate rule blocks this record.", blocked);
                    }
                    return warnings;
                });
    }

    private Uni<Void> autonumbers(SqlConnection connection, RecordContext context, Map<String, Value> values) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (FieldDefinition field : context.published().form().fields()) {
            if (field.spec() instanceof FieldSpec.Autonumber spec) {
                chain = chain.chain(() -> Autonumbers.next(connection, context.appKey(), context.formKey(), field.key(), spec, today)
                        .invoke(number -> values.put(field.key(), new Value.Text(number))).replaceWithVoid());
            }
        }
        return chain;
    }

    /** On update only the fields the patch names, and every formula and lookup (its inputs may have changed). */
    private static Map<String, Value> written(RecordContext context, RecordValidation validation, ObjectNode patch) {
        Map<String, Value> values = new HashMap<>();
        validation.values().forEach((key, value) -> {
            boolean formula = context.table().column(key).map(c -> c.field().spec() instanceof FieldSpec.Formula
                    || c.field().spec() instanceof FieldSpec.Lookup).orElse(false);
            if (formula || patch.has(key)) {
                values.put(key, value);
            }
        });
        for (String hidden : validation.hidden()) {
            if (patch.has(hidden)) {
                values.put(hidden, Value.NULL);
            }
        }
        return values;
    }

    private static Uni<Void> writeRows(SqlConnection connection, FormTable table, UUID id, RecordValidation validation,
                                       ObjectNode patch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : validation.rows().entrySet()) {
            if (patch != null && !patch.has(entry.getKey())) {
                continue;
            }
            FormTable child = table.subtable(entry.getKey()).orElseThrow();
            chain = chain.chain(() -> RecordWriter.replaceRows(connection, child, id, entry.getValue()));
        }
        return chain;
    }

    /** Races the checks cannot see (two writes at once) still end as conflicts, never as server errors. */
    static Throwable translate(Throwable failure) {
        PgException pg = (PgException) failure;
        if ("23505".equals(pg.getSqlState())) {
            String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
            return constraint.startsWith("dx_")
                    ? new ProblemException(RecordProblem.DUPLICATE, "A duplicate rule blocks this record.")
                    : new ProblemException(RecordProblem.NOT_UNIQUE, "A unique field's value is taken.");
        }
        if ("23503".equals(pg.getSqlState())) {
            return RecordInput.invalid(List.of(ProblemError.of("/fields", "FIELD_REFERENCE_UNKNOWN",
                    "A reference points at a record that does not exist.")));
        }
        return failure;
    }
}
