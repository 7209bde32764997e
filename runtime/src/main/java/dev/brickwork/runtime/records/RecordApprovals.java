package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.records.sql.Column;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What approval flows do to records: people move a record's approval state (submit, withdraw), and flows write
 * their steps' values, outcome and timeline entries. The flows package drives these; the record rules stay here.
 */
@ApplicationScoped
public class RecordApprovals {

    /** A record's values typed as its form's conditions see them, with that form. */
    public record Typed(RecordValidation values, dev.brickwork.forms.compile.CompiledForm form) {
    }

    @Inject
    Pool pool;

    @Inject
    RecordContexts contexts;

    @Inject
    RecordCommands commands;

    private final RecordValidator validator = new RecordValidator(Clock.systemUTC(), ZoneId.systemDefault());

    /**
     * Moves a record's approval state for a person with {@code action} on it, when it is in one of {@code from};
     * {@code alsoInTransaction} runs in the same transaction (the outbox row), given the record as it is now.
     */
    public Uni<ObjectNode> move(String appKey, String formKey, UUID id, Access access, Action action, String ifMatch,
                                Set<ApprovalState> from, ApprovalState to, String timelineAction, ObjectNode detail,
                                Function<SqlConnection, Uni<Void>> alsoInTransaction) {
        Integer expected = IfMatch.version(ifMatch);
        return contexts.of(appKey, formKey, access).chain(context -> pool.withTransaction(connection ->
                Guard.load(connection, context, id, true, false)
                        .call(row -> Guard.inScope(connection, context, id, action))
                        .chain(before -> {
                            ApprovalState state = ApprovalState.of(before.getString("approval"));
                            if (!from.contains(state)) {
                                throw new ProblemException(RecordProblem.APPROVAL_STATE,
                                        "A record whose approval is '" + state.json() + "' cannot be moved to '" + to.json() + "'.");
                            }
                            if (IfMatch.stale(expected, before.getInteger("version"))) {
                                throw new ProblemException(RecordProblem.RECORD_STALE,
                                        "The record is at another version; read it again.");
                            }
                            return RecordWriter.update(connection, context.table(), id, java.util.Map.of(), to.assignment())
                                    .call(after -> RecordHistory.append(connection, context, id, after.getInteger("version"),
                                            timelineAction, RecordCommands.withApproval(JsonNodeFactory.instance.objectNode(),
                                                    state, to), detail))
                                    .call(after -> alsoInTransaction.apply(connection))
                                    .chain(after -> RecordEffects.shape(connection, context, after, false));
                        })).map(record -> Guard.visible(context, record)));
    }

    /**
     * A flow's write in {@code connection}'s transaction: field values and, for its outcome, the approval state. With
     * {@code onlyWhilePending} nothing is written (false) unless the record still waits for this approval — a
     * withdrawn record keeps its state.
     */
    public Uni<Boolean> writeByFlow(SqlConnection connection, String appKey, String formKey, UUID id, ObjectNode set,
                                    ApprovalState to, boolean onlyWhilePending, String timelineAction, ObjectNode detail,
                                    UUID actor, String actorName) {
        return contexts.of(appKey, formKey, Access.system(actor, actorName)).chain(context ->
                state(connection, context, id).chain(state -> {
                    if (state == null || onlyWhilePending && state != ApprovalState.PENDING) {
                        return Uni.createFrom().item(false);
                    }
                    RecordCommands.Change change = new RecordCommands.Change(set, null, null, true, to, timelineAction, detail);
                    return commands.change(connection, context, id, change).replaceWith(true);
                })).onFailure(PgException.class).transform(RecordCommands::translate);
    }

    /** A timeline entry of a flow step that changes nothing on the record (a decision, a transfer, a reminder). */
    public Uni<Void> note(SqlConnection connection, String appKey, String formKey, UUID id, String timelineAction,
                          ObjectNode detail, UUID actor, String actorName) {
        return contexts.of(appKey, formKey, Access.system(actor, actorName)).chain(context -> connection
                .preparedQuery("SELECT version FROM " + context.table().qualified() + " WHERE id = $1")
                .execute(Tuple.of(id))
                .chain(rows -> !rows.iterator().hasNext() ? Uni.createFrom().voidItem()
                        : RecordHistory.append(connection, context, id, rows.iterator().next().getInteger("version"),
                        timelineAction, JsonNodeFactory.instance.objectNode(), detail)));
    }

    /**
     * Every field of the record with its subtable rows, read without a caller's scope (a flow decides on all of it),
     * as the API writes them: what {@link #evaluate} types for a condition. Null when gone.
     */
    public Uni<ObjectNode> fields(String appKey, String formKey, UUID id) {
        return asFlow(appKey, formKey).chain(context ->
                Guard.load(pool, context, id, false, null)
                        .chain(row -> RecordRows.children(pool, context.table(), id)
                                .map(rows -> RecordJson.fields(context.table(), row, rows)))
                        .onFailure(ProblemException.class).recoverWithNull());
    }

    /**
     * The record as the API shows it, without its subtable rows and typed values: what approver rules read (owner,
     * creator, user fields, with {@code withSensitive}) and notification messages fill in (without: a message must
     * never carry a sensitive field to recipients who may not read it). One query; null when gone.
     */
    public Uni<ObjectNode> readFlat(String appKey, String formKey, UUID id, boolean withSensitive) {
        return asFlow(appKey, formKey).chain(context ->
                Guard.load(pool, context, id, false, null)
                        .map(row -> RecordJson.record(withSensitive ? context.table()
                                : context.table().without(sensitive(context)), row, Map.of()))
                        .onFailure(ProblemException.class).recoverWithNull());
    }

    private static Set<String> sensitive(RecordContext context) {
        return context.published().form().fields().stream().filter(FieldDefinition::sensitive)
                .map(FieldDefinition::key).collect(java.util.stream.Collectors.toSet());
    }

    /** A record's approval state, or a null item when it is gone: the light check before and after a decision. */
    public Uni<ApprovalState> approval(String appKey, String formKey, UUID id) {
        return asFlow(appKey, formKey).chain(context -> pool
                .preparedQuery("SELECT approval FROM " + context.table().qualified() + " WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? ApprovalState.of(rows.iterator().next().getString(0)) : null));
    }

    /**
     * What inbox rows are called: each record's title field as text, or its id when the form has no title, the title
     * is empty or the title field is sensitive (an inbox must not show it to an approver who may not read it);
     * records that are gone are absent. One query for all of them.
     */
    public Uni<Map<UUID, String>> titles(String appKey, String formKey, List<UUID> ids) {
        return asFlow(appKey, formKey).chain(context -> {
            String field = context.published().form().definition().titleField();
            Optional<Column> column = field == null ? Optional.empty() : context.table().column(field)
                    .filter(c -> !c.field().sensitive());
            String title = column.map(c -> c.quoted() + "::text").orElse("NULL::text");
            return pool.preparedQuery("SELECT id, " + title + " FROM " + context.table().qualified()
                            + " WHERE id = ANY($1) AND deleted_at IS NULL")
                    .execute(Tuple.of(ids.toArray(new UUID[0])))
                    .map(rows -> {
                        Map<UUID, String> titles = new HashMap<>();
                        for (Row row : rows) {
                            String value = row.getString(1);
                            titles.put(row.getUUID(0), value == null || value.isEmpty() ? row.getUUID(0).toString() : value);
                        }
                        return titles;
                    });
        });
    }

    /** The typed values of a record's fields as given (a flow's view: stored values with its own writes on top). */
    public Uni<Typed> evaluate(String appKey, String formKey, ObjectNode fields) {
        return asFlow(appKey, formKey).map(context -> new Typed(
                validator.validate(context.published().form(), fields, Set.of()), context.published().form()));
    }

    /** The form as a flow sees it: every field, no caller's scope (the flow's definition decided what it touches). */
    private Uni<RecordContext> asFlow(String appKey, String formKey) {
        return contexts.of(appKey, formKey, Access.system(null, "flow"));
    }

    private static Uni<ApprovalState> state(SqlConnection connection, RecordContext context, UUID id) {
        return connection.preparedQuery("SELECT approval FROM " + context.table().qualified()
                        + " WHERE id = $1 AND deleted_at IS NULL FOR UPDATE")
                .execute(Tuple.of(id))
                .map(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    return row == null ? null : ApprovalState.of(row.getString("approval"));
                });
    }
}
