package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    @Inject
    RecordValidator validator;

    /**
     * Moves a record's approval state for a person with {@code action} on it, when it is in one of {@code from};
     * {@code alsoInTransaction} runs in the same transaction (the outbox row), given the record as it is now.
     */
    public Uni<ObjectNode> move(String appKey, String formKey, UUID id, Access access, Action action, String ifMatch,
                                Set<ApprovalState> from, ApprovalState to, String timelineAction, ObjectNode detail,
                                Function<SqlConnection, Uni<Void>> alsoInTransaction) {
        Integer expected = IfMatch.version(ifMatch);
        return contexts.run(appKey, formKey, access, context -> pool.withTransaction(connection ->
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
                                                    state, to), detail, null))
                                    .call(after -> alsoInTransaction.apply(connection))
                                    .chain(after -> RecordEffects.shape(connection, context, after, false));
                        })).map(record -> Guard.visible(context, record)));
    }

    /**
     * A flow's write in {@code connection}'s transaction: field values and, for its outcome, the approval state. With
     * {@code onlyWhilePending} nothing is written (false) unless the record still waits for this approval — a
     * withdrawn record keeps its state. {@code at}: when the flow step happened (its timeline entry sorts there among
     * the step's notes), or null for now.
     */
    public Uni<Boolean> writeByFlow(SqlConnection connection, String appKey, String formKey, UUID id, ObjectNode set,
                                    ApprovalState to, boolean onlyWhilePending, String timelineAction, ObjectNode detail,
                                    UUID actor, String actorName, OffsetDateTime at) {
        RecordCommands.Change change = new RecordCommands.Change(set, null, null, true, onlyWhilePending, to,
                timelineAction, detail, at);
        return contexts.of(appKey, formKey, Access.system(actor, actorName))
                .chain(context -> commands.change(connection, context, id, change))
                .map(written -> written != null)
                // a record deleted meanwhile keeps what it has
                .onFailure(e -> e instanceof ProblemException problem && problem.type() == RecordProblem.RECORD_NOT_FOUND)
                .recoverWithItem(false)
                .onFailure(PgException.class).transform(RecordCommands::translate);
    }

    /**
     * A timeline entry of a flow step that changes nothing on the record, in our transaction: for {@code timeline}
     * effects written before such notes went into the step's own transaction ({@link #noteOn}).
     */
    public Uni<Void> note(SqlConnection connection, String appKey, String formKey, UUID id, String timelineAction,
                          ObjectNode detail, UUID actor, String actorName) {
        return contexts.of(appKey, formKey, Access.system(actor, actorName)).chain(context -> connection
                .preparedQuery("SELECT version FROM " + context.table().qualified() + " WHERE id = $1")
                .execute(Tuple.of(id))
                .chain(rows -> !rows.iterator().hasNext() ? Uni.createFrom().voidItem()
                        : RecordHistory.append(connection, context, id, rows.iterator().next().getInteger("version"),
                        timelineAction, JsonNodeFactory.instance.objectNode(), detail, null)));
    }

    /**
     * The same note written on the engine's JDBC connection, in the engine step's transaction (engine threads only):
     * what a new task or a decision leaves on the timeline commits exactly when the step does, in one statement.
     */
    public void noteOn(Connection connection, String appKey, String formKey, UUID id, String timelineAction,
                       ObjectNode detail, UUID actor, String actorName) throws SQLException {
        RecordHistory.appendNote(connection, flowContextNow(appKey, formKey), id, timelineAction, detail, actor, actorName);
    }

    /**
     * A record's approval state read on the engine's JDBC connection (engine threads only); null when gone. Share-locked
     * until the engine's step commits: a withdraw or edit waits for the decision instead of slipping in between.
     */
    public ApprovalState approvalOn(Connection connection, String appKey, String formKey, UUID id) throws SQLException {
        RecordContext context = flowContextNow(appKey, formKey);
        try (PreparedStatement query = connection.prepareStatement("SELECT approval FROM " + context.table().qualified()
                + " WHERE id = ?::uuid AND deleted_at IS NULL FOR SHARE")) {
            query.setString(1, id.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? ApprovalState.of(rows.getString(1)) : null;
            }
        }
    }

    /**
     * The record's people as approver and recipient rules read them, on the engine's JDBC connection (engine threads
     * only): {@code owner}, {@code createdBy} and every user field under {@code fields}, shaped like
     * {@link #readShareable}. One query; user fields are never encrypted, so nothing needs the cipher. Null when gone.
     */
    public ObjectNode peopleOn(Connection connection, String appKey, String formKey, UUID id) throws SQLException {
        RecordContext context = flowContextNow(appKey, formKey);
        List<Column> users = context.table().columns().stream()
                .filter(c -> c.field().type() == FieldType.USER && c.type() == ColumnType.UUID).toList();
        StringBuilder sql = new StringBuilder("SELECT owner, created_by");
        users.forEach(c -> sql.append(", ").append(c.quoted()));
        sql.append(" FROM ").append(context.table().qualified()).append(" WHERE id = ?::uuid");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            query.setString(1, id.toString());
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                ObjectNode people = JsonNodeFactory.instance.objectNode();
                people.put("owner", rows.getString(1));
                people.put("createdBy", rows.getString(2));
                ObjectNode fields = people.putObject("fields");
                for (int i = 0; i < users.size(); i++) {
                    fields.put(users.get(i).key(), rows.getString(3 + i));
                }
                return people;
            }
        }
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
     * The record as the API shows it, without its subtable rows, typed values and sensitive fields: what notification
     * messages fill in (a message must never carry a sensitive field to recipients who may not read it). One query;
     * null when gone.
     */
    public Uni<ObjectNode> readShareable(String appKey, String formKey, UUID id) {
        return asFlow(appKey, formKey).chain(context ->
                Guard.load(pool, context, id, false, null)
                        .map(row -> RecordJson.record(context.table().without(sensitive(context)), row, Map.of()))
                        .onFailure(ProblemException.class).recoverWithNull());
    }

    private static Set<String> sensitive(RecordContext context) {
        return context.published().form().fields().stream().filter(FieldDefinition::sensitive)
                .map(FieldDefinition::key).collect(java.util.stream.Collectors.toSet());
    }

    /** A record's approval state, or a null item when it is gone: the light check after a decision whose outcome did not say. */
    public Uni<ApprovalState> approval(String appKey, String formKey, UUID id) {
        return asFlow(appKey, formKey).chain(context -> pool
                .preparedQuery("SELECT approval FROM " + context.table().qualified() + " WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? ApprovalState.of(rows.iterator().next().getString(0)) : null));
    }

    /** What an inbox row shows of its record: its title and where its approval stands. */
    public record Headline(String title, ApprovalState approval) {
    }

    /**
     * What inbox rows show: each record's title field as text, or its id when the form has no title, the title
     * is empty or the title field is sensitive (an inbox must not show it to an approver who may not read it), and its
     * approval state; records that are gone are absent. One query for all of them.
     */
    public Uni<Map<UUID, Headline>> headlines(String appKey, String formKey, List<UUID> ids) {
        return asFlow(appKey, formKey).chain(context -> {
            String field = context.published().form().definition().titleField();
            Optional<Column> column = field == null ? Optional.empty() : context.table().column(field)
                    .filter(c -> !c.field().sensitive());
            String title = column.map(c -> c.quoted() + "::text").orElse("NULL::text");
            return pool.preparedQuery("SELECT id, " + title + ", approval FROM " + context.table().qualified()
                            + " WHERE id = ANY($1) AND deleted_at IS NULL")
                    .execute(Tuple.of(ids.toArray(new UUID[0])))
                    .map(rows -> {
                        Map<UUID, Headline> headlines = new HashMap<>();
                        for (Row row : rows) {
                            String value = row.getString(1);
                            headlines.put(row.getUUID(0), new Headline(value == null || value.isEmpty()
                                    ? row.getUUID(0).toString() : value, ApprovalState.of(row.getString(2))));
                        }
                        return headlines;
                    });
        });
    }

    /** The typed values of a record's fields as given (a flow's view: stored values with its own writes on top). */
    public Uni<Typed> evaluate(String appKey, String formKey, ObjectNode fields) {
        return asFlow(appKey, formKey).map(context -> new Typed(
                validator.validate(context.published().form(), fields, Set.of(), fields), context.published().form()));
    }

    /**
     * The typed values as {@link #evaluate} gives them, the values {@code sent} over {@code stored} (null for none)
     * checked as a write of them would be: a simulation's sample values, where a value its field refuses is a problem.
     */
    public Uni<Typed> evaluateSent(String appKey, String formKey, ObjectNode fields, Set<String> sent, ObjectNode stored) {
        return asFlow(appKey, formKey).map(context -> new Typed(
                validator.validate(context.published().form(), fields, sent, stored), context.published().form()));
    }

    /** The form as a flow sees it, on a thread that may block: published forms are cached, so this rarely waits. */
    private RecordContext flowContextNow(String appKey, String formKey) {
        return asFlow(appKey, formKey).await().atMost(CONTEXT_WAIT);
    }

    private static final Duration CONTEXT_WAIT = Duration.ofSeconds(30);

    /** The form as a flow sees it: every field, no caller's scope (the flow's definition decided what it touches). */
    private Uni<RecordContext> asFlow(String appKey, String formKey) {
        return contexts.of(appKey, formKey, Access.system(null, "flow"));
    }
}
